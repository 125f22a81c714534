package pools.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import pools.api.Embedding;
import pools.api.EmbeddingPool;
import pools.api.EmbeddingPoolSpec;
import pools.api.MemoryPoolSystem;
import pools.api.ObjectPool;
import pools.api.ObjectPoolSpec;
import pools.api.PoolConfig;

/**
 * Random sequences of acquire / tryAcquire / release / double release / foreign release against
 * {@link PoolModel}, for a host object pool and for the embedding pool, each built through the
 * facade from whatever providers ServiceLoader finds. A failure names its seed and its steps
 * ({@link SeededSequences}).
 */
class PoolModelPropertyTest {
    private static final int MAX = 5;
    private static final PoolConfig CONFIG = PoolConfig.builder().maxTotalPoolMemoryMb(16)
            .embeddingDimension(40).maxEmbeddingsPerPool(MAX).initialPoolCapacity(1).build();

    /** One random step: acquires and releases most often, misuse now and then. */
    static PoolModel.Op step(SplittableRandom random) {
        return switch (SeededSequences.weighted(random, 6, 2, 6, 1, 1)) {
            case 0 -> new PoolModel.Acquire();
            case 1 -> new PoolModel.TryAcquire();
            case 2 -> new PoolModel.Release(random.nextInt(1000));
            case 3 -> new PoolModel.DoubleRelease(random.nextInt(1000));
            default -> new PoolModel.ForeignRelease();
        };
    }

    @Test
    void aHostObjectPoolFollowsTheModel() {
        SeededSequences.forEachSequence(150, 80, PoolModelPropertyTest::step, PoolModelPropertyTest::runOnAHostPool);
    }

    @Test
    void theEmbeddingPoolFollowsTheModelAndZeroesOnRelease() {
        SeededSequences.forEachSequence(100, 80, PoolModelPropertyTest::step, PoolModelPropertyTest::runOnTheEmbeddingPool);
    }

    private static void runOnAHostPool(List<PoolModel.Op> ops) {
        try (MemoryPoolSystem system = MemoryPoolSystem.create(CONFIG)) {
            ObjectPool<StringBuilder> pool = system.createPool(ObjectPoolSpec.builder("builders", StringBuilder::new)
                    .reset(b -> b.setLength(0)).initialCapacity(1).maxCapacity(MAX).growthFactor(2.0).build());
            PoolModel<StringBuilder> model = new PoolModel<>(pool, MAX, StringBuilder::new, builder -> {
                assertEquals(0, builder.length(), "a reused builder was reset");
                builder.append("used");
            });
            ops.forEach(model::apply);
            model.closeAndCheck();
        }
    }

    private static void runOnTheEmbeddingPool(List<PoolModel.Op> ops) {
        try (MemoryPoolSystem system = MemoryPoolSystem.create(CONFIG)) {
            EmbeddingPool pool = system.embeddingPool();
            EmbeddingPool other = system.createEmbeddingPool(new EmbeddingPoolSpec("other", 40, 64, 1, 1, 2.0));
            Embedding stranger = other.acquire();
            PoolModel<Embedding> model = new PoolModel<>(pool, MAX, () -> stranger, embedding -> {
                MemorySegment memory = embedding.segment();
                for (int i = 0; i < embedding.dimension(); i++) {
                    assertEquals(0f, memory.getAtIndex(ValueLayout.JAVA_FLOAT, i), "float " + i + " was zeroed on release");
                }
                memory.fill((byte) 0x5A);
            });
            ops.forEach(model::apply);
            model.closeAndCheck();
        }
    }
}

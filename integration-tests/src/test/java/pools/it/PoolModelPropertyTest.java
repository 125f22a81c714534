package pools.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
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
 * facade from whatever providers ServiceLoader finds. jqwik prints the seed and the shrunk
 * sequence of any failure; rerun one with {@code @Property(seed = "...")}.
 */
class PoolModelPropertyTest {
    private static final int MAX = 5;
    private static final PoolConfig CONFIG = PoolConfig.builder().maxTotalPoolMemoryMb(16)
            .embeddingDimension(40).maxEmbeddingsPerPool(MAX).initialPoolCapacity(1).build();

    @Provide
    Arbitrary<List<PoolModel.Op>> operations() {
        Arbitrary<Integer> pick = Arbitraries.integers().between(0, 1000);
        @SuppressWarnings("unchecked")
        Arbitrary<PoolModel.Op> op = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(new PoolModel.Acquire())),
                Tuple.of(2, Arbitraries.just(new PoolModel.TryAcquire())),
                Tuple.of(6, pick.map(PoolModel.Release::new)),
                Tuple.of(1, pick.map(PoolModel.DoubleRelease::new)),
                Tuple.of(1, Arbitraries.just(new PoolModel.ForeignRelease())));
        return op.list().ofMinSize(1).ofMaxSize(80);
    }

    @Property(tries = 150)
    void aHostObjectPoolFollowsTheModel(@ForAll("operations") List<PoolModel.Op> ops) {
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

    @Property(tries = 100)
    void theEmbeddingPoolFollowsTheModelAndZeroesOnRelease(@ForAll("operations") List<PoolModel.Op> ops) {
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

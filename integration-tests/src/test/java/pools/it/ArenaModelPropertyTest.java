package pools.it;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import pools.api.ArenaSafety;
import pools.api.MemoryPoolSystem;
import pools.api.PoolConfig;

/**
 * Random sequences of acquire (confined or shared, every kind) / allocate (sizes from a byte to
 * past the largest page) / close / close again / allocate after close / bad allocation against
 * {@link ArenaModel}, with the arena manager ServiceLoader finds, in the checked mode the tests
 * run in. A failure names its seed and its steps ({@link SeededSequences}).
 */
class ArenaModelPropertyTest {
    private static final PoolConfig CONFIG = PoolConfig.builder().maxTotalPoolMemoryMb(64)
            .initialPoolCapacity(1).arenaSafety(ArenaSafety.CHECKED).build();

    /** One random step; sizes mostly small, sometimes past a page, now and then past the largest page. */
    static ArenaModel.Op step(SplittableRandom random) {
        int pick = random.nextInt(1000);
        return switch (SeededSequences.weighted(random, 4, 8, 4, 1, 1, 1)) {
            case 0 -> new ArenaModel.Acquire(random.nextInt(3), random.nextBoolean());
            case 1 -> new ArenaModel.Allocate(pick, size(random), random.nextInt(8));
            case 2 -> new ArenaModel.Close(pick);
            case 3 -> new ArenaModel.CloseAgain(pick);
            case 4 -> new ArenaModel.AllocateAfterClose(pick);
            default -> new ArenaModel.BadAllocate(pick, random.nextBoolean());
        };
    }

    private static long size(SplittableRandom random) {
        return switch (SeededSequences.weighted(random, 8, 2, 1)) {
            case 0 -> random.nextLong(0, 513);
            case 1 -> random.nextLong(4_000, 300_001);
            default -> random.nextLong(2_100_000, 3_000_001);
        };
    }

    @Test
    void theArenaManagerFollowsTheModel() {
        SeededSequences.forEachSequence(100, 60, ArenaModelPropertyTest::step, ArenaModelPropertyTest::run);
    }

    private static void run(List<ArenaModel.Op> ops) {
        try (MemoryPoolSystem system = MemoryPoolSystem.create(CONFIG)) {
            ArenaModel model = new ArenaModel(system.arenas());
            ops.forEach(model::apply);
            model.closeAll();
        }
    }
}

package pools.it;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import pools.api.MemoryPoolSystem;
import pools.api.PoolConfig;

/**
 * Random sequences of acquire (confined or shared, every kind) / allocate (sizes from a byte to
 * past the largest page) / close / close again / allocate after close / bad allocation against
 * {@link ArenaModel}, with the arena manager ServiceLoader finds, in the checked mode the tests
 * run in. jqwik prints the seed and the shrunk sequence of any failure.
 */
class ArenaModelPropertyTest {
    private static final PoolConfig CONFIG = PoolConfig.builder().maxTotalPoolMemoryMb(64)
            .initialPoolCapacity(1).checkedArenas(true).build();

    @Provide
    Arbitrary<List<ArenaModel.Op>> operations() {
        Arbitrary<Integer> pick = Arbitraries.integers().between(0, 1000);
        Arbitrary<Long> size = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.longs().between(0, 512)),
                Tuple.of(2, Arbitraries.longs().between(4_000, 300_000)),
                Tuple.of(1, Arbitraries.longs().between(2_100_000, 3_000_000)));
        @SuppressWarnings("unchecked")
        Arbitrary<ArenaModel.Op> op = Arbitraries.frequencyOf(
                Tuple.of(4, Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.of(true, false))
                        .as(ArenaModel.Acquire::new)),
                Tuple.of(8, Combinators.combine(pick, size, Arbitraries.integers().between(0, 7))
                        .as(ArenaModel.Allocate::new)),
                Tuple.of(4, pick.map(ArenaModel.Close::new)),
                Tuple.of(1, pick.map(ArenaModel.CloseAgain::new)),
                Tuple.of(1, pick.map(ArenaModel.AllocateAfterClose::new)),
                Tuple.of(1, Combinators.combine(pick, Arbitraries.of(true, false)).as(ArenaModel.BadAllocate::new)));
        return op.list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 100)
    void theArenaManagerFollowsTheModel(@ForAll("operations") List<ArenaModel.Op> ops) {
        try (MemoryPoolSystem system = MemoryPoolSystem.create(CONFIG)) {
            ArenaModel model = new ArenaModel(system.arenas());
            ops.forEach(model::apply);
            model.closeAll();
        }
    }
}

package pools.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pools.api.AcquireInterruptedException;
import pools.api.BudgetExceededException;
import pools.api.DimensionMismatchException;
import pools.api.DoubleReleaseException;
import pools.api.Embedding;
import pools.api.EmbeddingPool;
import pools.api.EmbeddingPoolSpec;
import pools.api.ForeignObjectException;
import pools.api.LeakDetection;
import pools.api.MemoryBudget;
import pools.api.PoolClosedException;
import pools.api.PoolConfig;
import pools.api.PoolExhaustedException;
import pools.api.PoolStats;
import pools.api.spi.PoolContext;
import pools.testkit.RecordingEvents;
import pools.testkit.Workers;

@Timeout(60)
class SlabEmbeddingPoolTest {
    private static final PoolConfig CONFIG = PoolConfig.builder().maxTotalPoolMemoryMb(64).build();

    private final RecordingEvents events = new RecordingEvents();
    private final MemoryBudget budget = MemoryBudget.withLimit(CONFIG.budget().maxTotalPoolMemoryBytes());
    private final PoolContext context = new PoolContext(CONFIG, budget, events);

    private EmbeddingPool pool(int dimension, int alignment, int initial, int max) {
        return new SimdEmbeddingPoolProvider().create(
                new EmbeddingPoolSpec("test", dimension, alignment, initial, max, 1.5), context);
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 64, 128, 4096})
    void everyBlockIsAlignedAndSizedAcrossSlabs(int alignment) {
        try (EmbeddingPool pool = pool(7, alignment, 3, 300)) {
            Set<Long> addresses = new HashSet<>();
            for (int i = 0; i < 300; i++) {
                MemorySegment segment = pool.acquire().segment();
                assertEquals(0, segment.address() % 32, "AVX2 alignment");
                assertEquals(0, segment.address() % alignment, "configured alignment");
                assertEquals(7 * Float.BYTES, segment.byteSize());
                assertTrue(addresses.add(segment.address()), "a block was handed out twice");
            }
            assertEquals(alignment, pool.alignment());
            assertTrue(((SlabEmbeddingPool) pool).slabCount() > 1, "the pool grew by slabs");
        }
    }

    @Test
    void growsBySlabsUpToItsMaxThenRefusesWithoutChangingAnythingElse() {
        EmbeddingPoolSpec spec = new EmbeddingPoolSpec("test", 768, 64, 4, 100, 1.5);
        try (EmbeddingPool pool = new SimdEmbeddingPoolProvider().create(spec, context)) {
            assertEquals(4 * spec.strideBytes(), budget.reservedBytes(), "the initial slab is reserved");
            List<Embedding> held = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                held.add(pool.acquire());
            }
            PoolStats full = pool.stats();
            assertEquals(100, full.capacity());
            assertEquals(100, full.misses());
            assertEquals(100 * spec.strideBytes(), budget.reservedBytes(), "every slab is reserved");
            List<String> grown = events.starting("grown");
            assertFalse(grown.isEmpty());
            assertTrue(grown.getFirst().startsWith("grown test 4->"), grown.toString());
            assertTrue(grown.getLast().endsWith("->100"), grown.toString());

            assertThrows(PoolExhaustedException.class, pool::acquire);
            assertTrue(pool.tryAcquire().isEmpty());
            PoolStats refused = pool.stats();
            assertEquals(new PoolStats("test", 0, 100, 100, 0, 100, 100, 100, 2, spec.strideBytes()), refused);
            assertEquals(List.of("exhausted test 100", "exhausted test 100"), events.starting("exhausted"));

            pool.release(held.removeLast());
            pool.acquire();
            assertEquals(1, pool.stats().hits(), "a released block is reused: a hit");
        }
        assertEquals(0, budget.reservedBytes(), "close releases every slab");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 17, 1023, 1024, 1025, 1531, 4096})
    void releaseZeroesTheWholeVectorBeforeAnyoneElseSeesIt(int dimension) {
        try (EmbeddingPool pool = pool(dimension, 64, 1, 1)) {
            Embedding embedding = pool.acquire();
            for (int i = 0; i < dimension; i++) {
                embedding.set(i, 1000f + i);
            }
            long address = embedding.segment().address();
            pool.release(embedding);
            Embedding again = pool.acquire();
            assertEquals(address, again.segment().address(), "the only block is reused");
            for (int i = 0; i < dimension; i++) {
                assertEquals(0f, again.get(i), "float " + i + " of the last user's secret");
            }
        }
    }

    @Test
    void ownerFindsTheEmbeddingOfAnyInteriorAddressInEverySlab() {
        try (EmbeddingPool pool = pool(40, 64, 2, 200)) {
            List<Embedding> held = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                held.add(pool.acquire());
            }
            assertTrue(((SlabEmbeddingPool) pool).slabCount() >= 2);
            for (Embedding embedding : held) {
                MemorySegment segment = embedding.segment();
                assertSame(embedding, pool.owner(segment));
                assertSame(embedding, pool.owner(segment.asSlice(4 * 39)));
                assertSame(embedding, pool.owner(segment.asSlice(4 * 13, 8)));
            }
            long stride = new EmbeddingPoolSpec("x", 40, 64, 0, 1, 2.0).strideBytes();
            MemorySegment padding = MemorySegment.ofAddress(held.getFirst().segment().address() + 160);
            assertTrue(160 < stride, "the 40-float vector leaves padding before the next block");
            assertThrows(ForeignObjectException.class, () -> pool.owner(padding));
            assertThrows(ForeignObjectException.class, () -> pool.owner(MemorySegment.ofArray(new float[40])));
            try (Arena arena = Arena.ofConfined(); EmbeddingPool other = pool(40, 64, 1, 1)) {
                assertThrows(ForeignObjectException.class, () -> pool.owner(arena.allocate(160, 64)));
                assertThrows(ForeignObjectException.class, () -> pool.owner(other.acquire().segment()));
            }
        }
    }

    @Test
    void doubleAndForeignReleasesThrowAndLeaveTheStatsAsTheyWere() {
        try (EmbeddingPool pool = pool(8, 64, 2, 4); EmbeddingPool other = pool(8, 64, 1, 1)) {
            Embedding kept = pool.acquire();
            Embedding released = pool.acquire();
            pool.release(released);
            PoolStats before = pool.stats();
            long reserved = budget.reservedBytes();
            assertThrows(DoubleReleaseException.class, () -> pool.release(released));
            assertThrows(ForeignObjectException.class, () -> pool.release(other.acquire()));
            assertThrows(ForeignObjectException.class, () -> pool.release(new FakeEmbedding(kept.segment())));
            assertEquals(before, pool.stats());
            assertEquals(reserved, budget.reservedBytes());
            assertSame(released, pool.acquire(), "the double-released block is free exactly once");
            assertTrue(pool.tryAcquire().isPresent());
            assertTrue(pool.tryAcquire().isPresent());
            assertTrue(pool.tryAcquire().isEmpty(), "four blocks, four holders");
        }
    }

    @Test
    void wrongDimensionsThrowAndWriteNothing() {
        try (EmbeddingPool pool = pool(4, 64, 1, 1)) {
            Embedding embedding = pool.acquire();
            embedding.copyFrom(new float[] {1, 2, 3, 4});
            assertThrows(DimensionMismatchException.class, () -> embedding.copyFrom(new float[] {9, 9, 9}));
            float[] out = new float[5];
            assertThrows(DimensionMismatchException.class, () -> embedding.copyTo(out));
            float[] back = new float[4];
            embedding.copyTo(back);
            assertEquals(List.of(1f, 2f, 3f, 4f), List.of(back[0], back[1], back[2], back[3]));
            assertEquals(0f, out[0]);
        }
    }

    @Test
    void afterCloseEveryUseFailsCleanlyAndTheBudgetIsBack() {
        EmbeddingPool pool = pool(768, 64, 8, 16);
        Embedding held = pool.acquire();
        held.set(0, 42f);
        MemorySegment segment = held.segment();
        pool.close();
        assertEquals(0, budget.reservedBytes());
        assertThrows(IllegalStateException.class, () -> held.get(0), "no read of freed memory");
        assertThrows(IllegalStateException.class, () -> segment.get(ValueLayout.JAVA_FLOAT, 0));
        assertThrows(PoolClosedException.class, pool::acquire);
        assertThrows(PoolClosedException.class, pool::tryAcquire);
        assertThrows(PoolClosedException.class, () -> pool.release(held));
        assertThrows(PoolClosedException.class, () -> pool.owner(segment));
        pool.close();
        assertEquals(0, budget.reservedBytes(), "close is idempotent");
    }

    @Test
    void aBudgetRefusalReservesNothingAndLeavesThePoolUsable() {
        EmbeddingPoolSpec spec = new EmbeddingPoolSpec("tight", 768, 64, 4, 1000, 1.5);
        MemoryBudget tight = MemoryBudget.withLimit(4 * spec.strideBytes() + 1000);
        PoolContext tightContext = new PoolContext(CONFIG, tight, events);
        try (EmbeddingPool pool = new SimdEmbeddingPoolProvider().create(spec, tightContext)) {
            List<Embedding> held = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                held.add(pool.acquire());
            }
            long reserved = tight.reservedBytes();
            PoolStats before = pool.stats();
            assertThrows(BudgetExceededException.class, pool::acquire);
            assertTrue(pool.tryAcquire().isEmpty());
            assertEquals(reserved, tight.reservedBytes(), "a refused slab reserves nothing");
            PoolStats after = pool.stats();
            assertEquals(before.refusals() + 2, after.refusals());
            assertEquals(before.capacity(), after.capacity());
            assertEquals(before.allocated(), after.allocated());
            pool.release(held.getFirst());
            assertTrue(pool.tryAcquire().isPresent(), "still serves released blocks");
        }
        assertEquals(0, tight.reservedBytes());
        MemoryBudget tiny = MemoryBudget.withLimit(100);
        assertThrows(BudgetExceededException.class,
                () -> new SimdEmbeddingPoolProvider().create(spec, new PoolContext(CONFIG, tiny, events)));
        assertEquals(0, tiny.reservedBytes(), "a pool refused at creation reserves nothing");
    }

    @Test
    void aSpecOfTheLargestVectorsIsRefusedByTheBudgetNotByMalloc() {
        long reserved = budget.reservedBytes();
        EmbeddingPoolSpec huge = new EmbeddingPoolSpec("huge", Integer.MAX_VALUE, 4096, 0, 1 << 20, 1.5);
        assertThrows(BudgetExceededException.class, () -> new SimdEmbeddingPoolProvider().create(
                new EmbeddingPoolSpec("huge", Integer.MAX_VALUE, 4096, 1, 1 << 20, 1.5), context));
        assertEquals(reserved, budget.reservedBytes());
        try (EmbeddingPool pool = new SimdEmbeddingPoolProvider().create(huge, context)) {
            assertThrows(BudgetExceededException.class, pool::acquire);
            assertEquals(reserved, budget.reservedBytes(), "a refused slab reserves nothing");
            assertEquals(0, pool.stats().capacity());
        }
    }

    @Test
    void acquireWithATimeoutWaitsForARelease() throws Exception {
        try (EmbeddingPool pool = pool(8, 64, 1, 1)) {
            Embedding only = pool.acquire();
            AtomicReference<Embedding> got = new AtomicReference<>();
            Workers workers = new Workers();
            Thread waiter = workers.start("waiter", () -> got.set(pool.acquire(Duration.ofSeconds(30))));
            Workers.awaitParked(waiter);
            assertEquals(null, got.get(), "the waiter is parked in the pool, with nothing yet");
            pool.release(only);
            workers.joinAll(Duration.ofSeconds(20));
            assertSame(only, got.get(), "the waiter got the embedding released while it waited");
            assertThrows(PoolExhaustedException.class, () -> pool.acquire(Duration.ofMillis(20)));
            assertEquals(1, pool.stats().refusals(), "a timed-out wait is one refusal");
            Thread.currentThread().interrupt();
            long start = System.nanoTime();
            assertThrows(AcquireInterruptedException.class, () -> pool.acquire(Duration.ofSeconds(30)));
            assertTrue(Thread.interrupted(), "the interrupt status is kept");
            assertEquals(2, pool.stats().refusals(), "an interrupted wait is one refusal");
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10), "an interrupt ends the wait");
        }
    }

    @Test
    void leasesAreReportedWhenLeakDetectionIsOn() {
        PoolConfig tracking = CONFIG.toBuilder().leakDetection(LeakDetection.SAMPLED).build();
        EmbeddingPoolSpec spec = new EmbeddingPoolSpec("leases", 8, 64, 1, 2, 2.0);
        try (EmbeddingPool pool = new SimdEmbeddingPoolProvider().create(spec, new PoolContext(tracking, budget, events))) {
            Embedding embedding = pool.acquire();
            pool.release(embedding);
            int id = System.identityHashCode(embedding);
            assertEquals(List.of("acquired leases " + id, "released leases " + id),
                    events.events.stream().filter(e -> e.contains("leases " + id)).toList());
        }
    }

    /** An embedding no pool handed out, over a real pooled segment. */
    private record FakeEmbedding(MemorySegment segment) implements Embedding {
        @Override
        public int dimension() {
            return (int) (segment.byteSize() / Float.BYTES);
        }

        @Override
        public float get(int index) {
            return segment.getAtIndex(ValueLayout.JAVA_FLOAT, index);
        }

        @Override
        public void set(int index, float value) {
            segment.setAtIndex(ValueLayout.JAVA_FLOAT, index, value);
        }

        @Override
        public void copyFrom(float[] values) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void copyTo(float[] target) {
            throw new UnsupportedOperationException();
        }
    }
}

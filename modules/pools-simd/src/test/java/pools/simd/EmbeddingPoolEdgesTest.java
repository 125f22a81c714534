package pools.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import pools.api.DimensionMismatchException;
import pools.api.Embedding;
import pools.api.EmbeddingPool;
import pools.api.EmbeddingPoolSpec;
import pools.api.ForeignObjectException;
import pools.api.MemoryBudget;
import pools.api.PoolClosedException;
import pools.api.PoolConfig;
import pools.api.PoolStats;
import pools.api.spi.PoolContext;
import pools.testkit.RecordingEvents;

/**
 * What the embedding pool's counters, owner lookup, element access and close say at their edges:
 * each read right after the operation that moves it.
 */
class EmbeddingPoolEdgesTest {
    private static final PoolConfig CONFIG = PoolConfig.builder().maxTotalPoolMemoryMb(64).build();

    private final RecordingEvents events = new RecordingEvents();
    private final MemoryBudget budget = MemoryBudget.withLimit(CONFIG.budget().maxTotalPoolMemoryBytes());

    private SlabEmbeddingPool pool(int dimension, int alignment, int initial, int max, double growth) {
        return (SlabEmbeddingPool) new SimdEmbeddingPoolProvider().create(
                new EmbeddingPoolSpec("edges", dimension, alignment, initial, max, growth),
                new PoolContext(CONFIG, budget, events));
    }

    @Test
    void countersMoveWithEveryAcquireAndRelease() {
        try (SlabEmbeddingPool pool = pool(8, 32, 4, 4, 2.0)) {
            List<Embedding> held = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                held.add(pool.acquire());
            }
            held.forEach(pool::release);
            assertEquals(new PoolStats("edges", 0, 3, 4, 3, 3, 4, 4, 0, 32), pool.stats(), "a fresh block is a miss");
            pool.release(pool.acquire());
            assertEquals(new PoolStats("edges", 1, 3, 4, 4, 3, 4, 4, 0, 32), pool.stats(),
                    "the release is counted; the peak stays at 3");
        }
    }

    @Test
    void anEmptyInitialPoolHasNoSlabUntilTheFirstAcquireAndThenGrowsByTheSteps() {
        // 16 KiB strides: the 64 KiB minimum slab is 4 blocks.
        try (SlabEmbeddingPool pool = pool(4096, 32, 0, 40, 2.0)) {
            assertEquals(0, pool.slabCount());
            assertEquals(0, budget.reservedBytes());
            List<Embedding> held = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                held.add(pool.acquire());
            }
            assertEquals(List.of("grown edges 0->4", "grown edges 4->8", "grown edges 8->16", "grown edges 16->32",
                    "grown edges 32->40"), events.starting("grown"));
            assertEquals(40L * 16384, budget.reservedBytes());
            held.forEach(pool::release);
        }
        assertEquals(0, budget.reservedBytes(), "close gives every slab's bytes back");
    }

    @Test
    void elementsReadBackWhatWasWrittenAndTheHandleNamesItsPool() {
        try (SlabEmbeddingPool pool = pool(3, 32, 1, 1, 2.0)) {
            Embedding e = pool.acquire();
            assertEquals(3, e.dimension());
            e.set(0, 1.5f);
            e.set(2, -2f);
            assertEquals(1.5f, e.get(0));
            assertEquals(0f, e.get(1));
            assertEquals(-2f, e.get(2));
            assertTrue(e.toString().contains("pool 'edges'") && e.toString().contains("3 floats"), e.toString());
            pool.release(e);
            Embedding again = pool.acquire();
            assertSame(e, again);
            assertEquals(0f, again.get(2), "an odd dimension's last float is zeroed too");
            assertEquals(0f, again.get(0));
        }
    }

    @Test
    void ownerFindsEveryEmbeddingOfEverySlabAndNothingPastThem() {
        // 16 KiB strides, so slabs of 4 blocks and more: many slabs, in whatever address order the OS gives.
        try (SlabEmbeddingPool pool = pool(4096, 32, 1, 40, 1.1)) {
            List<Embedding> held = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                held.add(pool.acquire());
            }
            assertTrue(pool.slabCount() > 3, "several slabs: " + pool.slabCount());
            for (Embedding e : held) {
                assertSame(e, pool.owner(e.segment()));
                assertSame(e, pool.owner(e.segment().asSlice(16383, 1)), "the last byte of a vector is inside it");
            }
            held.forEach(pool::release);
        }
        try (SlabEmbeddingPool pool = pool(8, 32, 2, 2, 2.0)) {
            pool.acquire();
            Embedding last = pool.acquire();
            MemorySegment pastTheSlab = last.segment().asSlice(32, 0);
            ForeignObjectException e = assertThrows(ForeignObjectException.class, () -> pool.owner(pastTheSlab));
            assertTrue(e.getMessage().contains("0x" + Long.toHexString(pastTheSlab.address())), e.getMessage());
            MemorySegment heap = MemorySegment.ofArray(new float[8]);
            assertTrue(assertThrows(ForeignObjectException.class, () -> pool.owner(heap)).getMessage()
                    .contains("a heap segment"));
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment elsewhere = arena.allocate(32, 32);
                assertThrows(ForeignObjectException.class, () -> pool.owner(elsewhere));
            }
        }
        try (SlabEmbeddingPool pool = pool(7, 64, 1, 1, 2.0)) {
            Embedding padded = pool.acquire();
            assertThrows(ForeignObjectException.class, () -> pool.owner(padded.segment().asSlice(28, 0)),
                    "the padding after a vector belongs to no embedding");
        }
    }

    @Test
    void everyCallOnAClosedPoolSaysItIsClosed() {
        SlabEmbeddingPool withFree = pool(8, 32, 2, 4, 2.0);
        Embedding held = withFree.acquire();
        withFree.close();
        assertThrows(PoolClosedException.class, withFree::acquire, "free blocks are not handed out after close");
        assertThrows(PoolClosedException.class, withFree::tryAcquire);
        assertThrows(PoolClosedException.class, () -> withFree.acquire(Duration.ZERO));
        assertThrows(PoolClosedException.class, () -> withFree.release(held));
        assertThrows(PoolClosedException.class, () -> withFree.owner(held.segment()));

        SlabEmbeddingPool full = pool(8, 32, 1, 1, 2.0);
        Embedding only = full.acquire();
        full.release(only);
        full.acquire();
        full.close();
        assertThrows(PoolClosedException.class, full::tryAcquire, "not an empty Optional");
        assertThrows(PoolClosedException.class, () -> full.acquire(Duration.ZERO), "not exhaustion");
        assertThrows(PoolClosedException.class, () -> full.release(only), "not a double release");

        SlabEmbeddingPool growable = pool(8, 32, 0, 4, 2.0);
        growable.close();
        assertThrows(PoolClosedException.class, growable::acquire, "no slab is added after close");
        assertEquals(0, budget.reservedBytes());
    }

    @Test
    void providersNameThemselvesAndRankVectorApiOverScalar() {
        assertEquals("simd", new SimdEmbeddingPoolProvider().name());
        assertEquals(100, new SimdEmbeddingPoolProvider().priority());
        assertEquals("scalar", new ScalarKernelsProvider().name());
        assertEquals("vector-api", new VectorApiKernelsProvider().name());
        assertTrue(new VectorApiKernelsProvider().priority() > new ScalarKernelsProvider().priority());
        assertNotEquals(0, new ScalarKernelsProvider().priority());
    }

    @Test
    void aDimensionMismatchNamesBothDimensionsInFloats() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment eight = arena.allocate(32);
            MemorySegment four = arena.allocate(16);
            for (SegmentKernels kernels : new SegmentKernels[] {ScalarKernels.INSTANCE, VectorApiKernels.INSTANCE}) {
                DimensionMismatchException e = assertThrows(DimensionMismatchException.class,
                        () -> kernels.dot(eight, four));
                assertEquals("expected a vector of 8 floats but got 4", e.getMessage());
            }
        }
    }
}

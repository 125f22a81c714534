package pools.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import pools.api.Embedding;
import pools.api.EmbeddingPool;
import pools.api.EmbeddingPoolSpec;
import pools.api.ForeignObjectException;
import pools.api.IdlePolicy;
import pools.api.MemoryBudget;
import pools.api.PoolConfig;
import pools.api.PoolStats;
import pools.api.spi.PoolContext;
import pools.api.spi.PoolEvents;

/** Whole free slabs given back to the OS and the budget (issue 16, item 3), on a hand-moved clock. */
class SlabTrimTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(1);
    /** 64 floats at 64-byte alignment: 256 bytes a block, so the 64 KiB minimum slab holds 256. */
    private static final int DIMENSION = 64;

    private final AtomicLong now = new AtomicLong();
    private final List<String> trims = new CopyOnWriteArrayList<>();
    private final MemoryBudget budget = MemoryBudget.withLimit(64 << 20);
    private final PoolContext context = new PoolContext(PoolConfig.defaults(), budget, new PoolEvents() {
        @Override
        public void trimmed(String pool, long fromCapacity, long toCapacity) {
            trims.add(fromCapacity + "->" + toCapacity);
        }
    }).withClock(now::get);

    private EmbeddingPool pool(int initial, IdlePolicy idle) {
        return new SimdEmbeddingPoolProvider().create(
                new EmbeddingPoolSpec("slabs", DIMENSION, 64, initial, 4096, 2.0, idle), context);
    }

    private static List<Embedding> acquire(EmbeddingPool pool, int count) {
        List<Embedding> held = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            held.add(pool.acquire());
        }
        return held;
    }

    private void idleFor(EmbeddingPool pool, Duration time) {
        pool.trimIdle();
        now.addAndGet(time.toNanos());
    }

    @Test
    void freeSlabsGoBackToTheBudgetDownToTheInitialSlab() {
        try (EmbeddingPool pool = pool(16, IdlePolicy.after(TIMEOUT))) {
            long initialBytes = budget.reservedBytes();
            List<Embedding> used = acquire(pool, 600);
            PoolStats grown = pool.stats();
            assertTrue(grown.capacity() > 600 && budget.reservedBytes() > initialBytes, grown::toString);
            MemorySegment kept = used.getLast().segment();
            used.forEach(pool::release);

            idleFor(pool, TIMEOUT);
            int given = pool.trimIdle();

            PoolStats trimmed = pool.stats();
            assertEquals(grown.capacity() - 16, given);
            assertEquals(16, trimmed.capacity());
            assertEquals(given, trimmed.trimmed());
            assertEquals(grown.capacity(), trimmed.created(), "blocks of freed slabs still count as created");
            assertEquals(initialBytes, budget.reservedBytes(), "the freed slabs' bytes are back in the budget");
            assertEquals(List.of(grown.capacity() + "->16"), trims);
            assertThrows(IllegalStateException.class, () -> kept.get(ValueLayout.JAVA_FLOAT, 0),
                    "a segment kept past its release fails instead of reading freed memory");
            assertThrows(ForeignObjectException.class, () -> pool.owner(kept));
        }
    }

    @Test
    void aSlabWithAHeldBlockStaysAndTheRestOfThePoolWorks() {
        try (EmbeddingPool pool = pool(16, IdlePolicy.after(TIMEOUT))) {
            List<Embedding> used = acquire(pool, 600);
            Embedding held = used.removeLast();
            used.forEach(pool::release);
            long capacity = pool.stats().capacity();

            idleFor(pool, TIMEOUT);
            assertEquals(0, pool.trimIdle(), "the last slab holds a leased block, so nothing goes");

            assertEquals(capacity, pool.stats().capacity());
            held.set(0, 1.5f);
            assertEquals(1.5f, held.get(0));
            pool.release(held);
            List<Embedding> again = acquire(pool, 600);
            assertEquals(600, again.size());
            assertEquals(600, pool.stats().inUse());
            again.forEach(pool::release);
        }
    }

    @Test
    void aTrimmedPoolGrowsAgainWithExactCounters() {
        try (EmbeddingPool pool = pool(0, IdlePolicy.after(TIMEOUT).keepingAtLeast(0))) {
            acquire(pool, 300).forEach(pool::release);
            PoolStats before = pool.stats();
            idleFor(pool, TIMEOUT);
            assertEquals(before.capacity(), pool.trimIdle());
            assertEquals(0, pool.stats().capacity());
            assertEquals(0, budget.reservedBytes());

            List<Embedding> again = acquire(pool, 300);
            for (Embedding embedding : again) {
                assertEquals(0f, embedding.get(DIMENSION - 1), "a block of a new slab reads as zeros");
            }
            again.forEach(pool::release);
            PoolStats after = pool.stats();
            assertEquals(600, after.allocated());
            assertEquals(600, after.freed());
            assertEquals(0, after.inUse());
            assertEquals(before.capacity(), after.trimmed());
            assertEquals(600, after.misses(), "misses stay counted across the trim, and every block was fresh once");
        }
    }

    /**
     * A trim that finds a held block in the last slab keeps the slab and puts its fresh cursor back
     * where it was: the slab's never-used blocks are handed out next, before any growth, and none
     * is handed out twice.
     */
    @Test
    void aRefusedTrimPutsTheFreshCursorBack() {
        try (EmbeddingPool pool = pool(0, IdlePolicy.after(TIMEOUT).keepingAtLeast(0))) {
            SlabEmbeddingPool slabs = (SlabEmbeddingPool) pool;
            List<Embedding> first = acquire(pool, 257);
            assertEquals(2, slabs.slabCount(), "256 blocks a slab: the 257th is the second slab's first");
            Embedding held = first.removeLast();
            first.forEach(pool::release);
            long capacity = pool.stats().capacity();

            idleFor(pool, TIMEOUT);
            assertEquals(0, pool.trimIdle(), "the last slab holds a leased block");

            List<Embedding> again = acquire(pool, 257);
            assertEquals(2, slabs.slabCount(), "the 256 released, then the second slab's next unused block");
            assertEquals(capacity, pool.stats().capacity());
            Set<Embedding> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
            distinct.addAll(again);
            distinct.add(held);
            assertEquals(258, distinct.size(), "no block handed out twice");
            assertEquals(258, pool.stats().misses(), "257 fresh blocks, then one more from the cursor");
            again.forEach(pool::release);
            pool.release(held);
        }
    }

    @Test
    void keepNeverFreesASlab() {
        try (EmbeddingPool pool = pool(0, IdlePolicy.KEEP)) {
            acquire(pool, 300).forEach(pool::release);
            long reserved = budget.reservedBytes();
            idleFor(pool, Duration.ofDays(1));
            assertEquals(0, pool.trimIdle());
            assertEquals(reserved, budget.reservedBytes());
            assertEquals(0, pool.stats().trimmed());
        }
    }
}

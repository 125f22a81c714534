package pools.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import pools.api.DoubleReleaseException;
import pools.api.IdlePolicy;
import pools.api.MemoryBudget;
import pools.api.ObjectPool;
import pools.api.ObjectPoolSpec;
import pools.api.PoolClosedException;
import pools.api.PoolConfig;
import pools.api.PoolStats;
import pools.api.spi.PoolContext;
import pools.api.spi.PoolEvents;

/** Idle capacity given back (issue 16, item 3), on a clock the test moves by hand. */
class IdleTrimTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final AtomicLong now = new AtomicLong(1_000);
    private final List<String> trims = new CopyOnWriteArrayList<>();
    private final PoolContext context = new PoolContext(PoolConfig.defaults(), MemoryBudget.withLimit(1 << 20),
            new PoolEvents() {
                @Override
                public void trimmed(String pool, long fromCapacity, long toCapacity) {
                    trims.add(pool + " " + fromCapacity + "->" + toCapacity);
                }
            }).withClock(now::get);

    private ObjectPool<StringBuilder> pool(int initial, int max, IdlePolicy idle) {
        return new FixedPoolProvider().create(ObjectPoolSpec.<StringBuilder>builder("idle", StringBuilder::new)
                .initialCapacity(initial).maxCapacity(max).growthFactor(2.0).idle(idle).build(), context);
    }

    private void later(Duration elapsed) {
        now.addAndGet(elapsed.toNanos());
    }

    private static List<StringBuilder> acquire(ObjectPool<StringBuilder> pool, int count) {
        List<StringBuilder> held = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            held.add(pool.acquire());
        }
        return held;
    }

    @Test
    void objectsFreeForAWholeTimeoutAreDroppedDownToTheInitialCapacity() {
        try (ObjectPool<StringBuilder> pool = pool(2, 16, IdlePolicy.after(TIMEOUT))) {
            acquire(pool, 10).forEach(pool::release);
            int capacity = (int) pool.stats().capacity();
            assertTrue(capacity >= 10, pool.stats()::toString);
            assertEquals(0, pool.trimIdle(), "the first sample only starts the period");
            later(TIMEOUT.minusNanos(1));
            assertEquals(0, pool.trimIdle(), "not yet a whole timeout");
            later(Duration.ofNanos(1));
            assertEquals(capacity - 2, pool.trimIdle());
            PoolStats stats = pool.stats();
            assertEquals(2, stats.capacity());
            assertEquals(capacity - 2, stats.trimmed());
            assertEquals(0, stats.inUse());
            assertEquals(List.of("idle " + capacity + "->2"), trims);
        }
    }

    @Test
    void objectsUsedDuringThePeriodAreKept() {
        try (ObjectPool<StringBuilder> pool = pool(0, 16, IdlePolicy.after(TIMEOUT))) {
            acquire(pool, 8).forEach(pool::release);
            pool.trimIdle();
            later(TIMEOUT.dividedBy(2));
            List<StringBuilder> busy = acquire(pool, 5);
            pool.trimIdle();
            busy.forEach(pool::release);
            later(TIMEOUT.dividedBy(2));
            assertEquals(3, pool.trimIdle(), "only the 3 that no sample saw in use");
            assertEquals(5, pool.stats().capacity());
            assertEquals(3, pool.stats().trimmed());
        }
    }

    @Test
    void heldObjectsAndTheConfiguredMinimumStay() {
        try (ObjectPool<StringBuilder> pool = pool(0, 16, IdlePolicy.after(TIMEOUT).keepingAtLeast(4))) {
            List<StringBuilder> held = acquire(pool, 8);
            for (int i = 0; i < 6; i++) {
                pool.release(held.removeLast());
            }
            pool.trimIdle();
            later(TIMEOUT);
            assertEquals(4, pool.trimIdle(), "8 owned, floor 4: 4 of the 6 free ones go, the 2 held stay");
            assertEquals(4, pool.stats().capacity());
            assertEquals(2, pool.stats().inUse());
            held.forEach(pool::release);
            assertEquals(0, pool.stats().inUse());
        }
    }

    @Test
    void aTrimmedPoolGrowsAgainAndItsCountersStayExact() {
        try (ObjectPool<StringBuilder> pool = pool(0, 8, IdlePolicy.after(TIMEOUT).keepingAtLeast(0))) {
            List<StringBuilder> first = acquire(pool, 8);
            first.forEach(pool::release);
            pool.trimIdle();
            later(TIMEOUT);
            assertEquals(8, pool.trimIdle());
            assertEquals(0, pool.stats().capacity());
            StringBuilder dropped = first.getFirst();
            assertThrows(DoubleReleaseException.class, () -> pool.release(dropped),
                    "a trimmed object was released already; a second release is still caught");
            acquire(pool, 8).forEach(pool::release);
            PoolStats stats = pool.stats();
            assertEquals(8, stats.capacity(), "grown back to the max after the trim");
            assertEquals(16, stats.created());
            assertEquals(16, stats.allocated());
            assertEquals(16, stats.freed());
            assertEquals(8, stats.trimmed());
        }
    }

    @Test
    void keepNeverTrimsAndAClosedPoolRefuses() {
        ObjectPool<StringBuilder> pool = pool(0, 8, IdlePolicy.KEEP);
        acquire(pool, 4).forEach(pool::release);
        later(Duration.ofDays(1));
        assertEquals(0, pool.trimIdle());
        later(Duration.ofDays(1));
        assertEquals(0, pool.trimIdle());
        assertEquals(4, pool.stats().capacity());
        pool.close();
        assertThrows(PoolClosedException.class, pool::trimIdle);
    }
}

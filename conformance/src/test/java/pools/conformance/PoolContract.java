package pools.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pools.api.AcquireInterruptedException;
import pools.api.DoubleReleaseException;
import pools.api.ForeignObjectException;
import pools.api.ObjectPool;
import pools.api.PoolClosedException;
import pools.api.PoolExhaustedException;
import pools.api.PoolStats;
import pools.testkit.Workers;

/**
 * The {@link ObjectPool} contract, written once and run against every pool engine the project
 * ships (a subclass per engine): timeouts, waiting, interrupts, misuse, close and what each
 * counter means; and, inherited, leases ({@link LeaseContract}) and races with close and stats
 * under load ({@link PoolRaceContract}).
 *
 * @param <T> the pooled type
 */
@Timeout(60)
abstract class PoolContract<T> extends LeaseContract<T> {

    @Test
    void aZeroTimeoutDoesNotWaitAndCountsOneRefusal() {
        try (ObjectPool<T> pool = newPool(1, 1)) {
            pool.acquire();
            PoolExhaustedException refused = assertThrows(PoolExhaustedException.class, () -> pool.acquire(Duration.ZERO));
            assertTrue(refused.getMessage().contains("'contract'"), "names the pool: " + refused.getMessage());
            assertTrue(pool.tryAcquire().isEmpty());
            PoolStats stats = pool.stats();
            assertEquals(2, stats.refusals(), "an empty tryAcquire and a refused acquire are refusals: " + stats);
            assertEquals(1, stats.inUse());
        }
    }

    @Test
    void aNullOrNegativeTimeoutIsRejectedAndChangesNothing() {
        try (ObjectPool<T> pool = newPool(1, 1)) {
            PoolStats before = pool.stats();
            NullPointerException none = assertThrows(NullPointerException.class, () -> pool.acquire(null));
            assertTrue(none.getMessage().contains("timeout"), none.getMessage());
            IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                    () -> pool.acquire(Duration.ofNanos(-1)));
            assertTrue(negative.getMessage().contains("PT-0.000000001S"), "names the value: " + negative.getMessage());
            assertEquals(before, pool.stats());
            assertTrue(pool.tryAcquire().isPresent(), "still usable");
        }
    }

    @Test
    void aWaiterIsWokenByARelease() throws Exception {
        try (ObjectPool<T> pool = newPool(1, 1)) {
            T only = pool.acquire();
            AtomicReference<T> got = new AtomicReference<>();
            Workers workers = new Workers();
            Thread waiter = workers.start("waiter", () -> got.set(pool.acquire(Duration.ofDays(365_000_000L))));
            Workers.awaitParked(waiter);
            pool.release(only);
            workers.joinAll(Duration.ofSeconds(10));
            assertSame(only, got.get(), "the waiter got the released object");
            assertEquals(0, pool.stats().refusals());
        }
    }

    @Test
    void waitersAreServedInArrivalOrder() throws Exception {
        try (ObjectPool<T> pool = newPool(2, 2)) {
            T first = pool.acquire();
            T second = pool.acquire();
            Workers workers = new Workers();
            CompletableFuture<T> early = new CompletableFuture<>();
            CompletableFuture<T> late = new CompletableFuture<>();
            Thread earlyWaiter = workers.start("early", () -> early.complete(pool.acquire(Duration.ofSeconds(30))));
            Workers.awaitParked(earlyWaiter);
            Thread lateWaiter = workers.start("late", () -> late.complete(pool.acquire(Duration.ofSeconds(30))));
            Workers.awaitParked(lateWaiter);
            pool.release(first);
            assertSame(first, early.get(10, java.util.concurrent.TimeUnit.SECONDS), "the first waiter is served first");
            Workers.awaitParked(lateWaiter);
            assertTrue(!late.isDone(), "the later waiter still waits");
            pool.release(second);
            workers.joinAll(Duration.ofSeconds(10));
            assertSame(second, late.get());
        }
    }

    @Test
    void anInterruptedWaitThrowsItsOwnExceptionKeepsTheFlagAndLeaksNothing() throws Exception {
        try (ObjectPool<T> pool = newPool(1, 1)) {
            T only = pool.acquire();
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            AtomicReference<Boolean> flagKept = new AtomicReference<>();
            Workers workers = new Workers();
            Thread waiter = startParkedWaiter(workers, pool, thrown, flagKept);
            waiter.interrupt();
            workers.joinAll(Duration.ofSeconds(10));
            assertTrue(thrown.get() instanceof AcquireInterruptedException, "got " + thrown.get());
            assertTrue(thrown.get().getMessage().contains("'contract'"), thrown.get().getMessage());
            assertTrue(flagKept.get(), "the interrupt status is kept");
            PoolStats stats = pool.stats();
            assertEquals(1, stats.inUse(), "nothing leaked: " + stats);
            assertEquals(1, stats.refusals(), "an interrupted wait is one refusal");
            pool.release(only);
            assertSame(only, pool.acquire(), "the pool still works");
        }
    }

    @Test
    void closeWakesWaitersWithPoolClosed() throws Exception {
        ObjectPool<T> pool = newPool(1, 1);
        pool.acquire();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Workers workers = new Workers();
        startParkedWaiter(workers, pool, thrown, new AtomicReference<>());
        pool.close();
        workers.joinAll(Duration.ofSeconds(10));
        assertTrue(thrown.get() instanceof PoolClosedException, "got " + thrown.get());
    }

    @Test
    void misuseThrowsItsExceptionAndChangesNothing() {
        try (ObjectPool<T> pool = newPool(1, 2)) {
            T held = pool.acquire();
            T released = pool.acquire();
            pool.release(released);
            PoolStats before = pool.stats();
            assertThrows(DoubleReleaseException.class, () -> pool.release(released));
            assertThrows(ForeignObjectException.class, () -> pool.release(foreignObject()));
            NullPointerException nothing = assertThrows(NullPointerException.class, () -> pool.release(null));
            assertTrue(nothing.getMessage().contains("'contract'"), "names the pool: " + nothing.getMessage());
            assertEquals(before, pool.stats(), "misuse changes no counter");
            pool.release(held);
            assertEquals(0, pool.stats().inUse());
        }
    }

    @Test
    void everyCallAfterCloseThrowsPoolClosed() {
        ObjectPool<T> pool = newPool(1, 2);
        T held = pool.acquire();
        pool.close();
        pool.close();
        assertThrows(PoolClosedException.class, pool::acquire);
        assertThrows(PoolClosedException.class, pool::tryAcquire);
        assertThrows(PoolClosedException.class, () -> pool.acquire(Duration.ofSeconds(1)));
        assertThrows(PoolClosedException.class, () -> pool.release(held));
    }

    @Test
    void countersMeanWhatPoolStatsSays() {
        try (ObjectPool<T> pool = newPool(0, 3)) {
            T a = pool.acquire();
            T b = pool.acquire();
            pool.release(a);
            T again = pool.acquire();
            assertTrue(pool.tryAcquire().isPresent());
            PoolStats stats = pool.stats();
            assertEquals(4, stats.allocated(), "four successful acquisitions");
            assertEquals(stats.created(), stats.capacity(), "nothing dropped: every object made is owned");
            assertTrue(stats.misses() >= 1 && stats.misses() <= stats.created(), "misses: acquisitions that created: " + stats);
            assertEquals(1, stats.freed());
            assertEquals(3, stats.inUse());
            assertEquals(3, stats.peakInUse());
            assertEquals(0, stats.refusals());
            assertTrue(StatsInvariants.violations(stats).isEmpty(), StatsInvariants.violations(stats)::toString);
            List.of(b, again).forEach(pool::release);
        }
    }

    /**
     * Starts a thread that waits up to 30 s to acquire from the full {@code pool}, recording what
     * it throws and whether its interrupt status was set then; returns once it is parked.
     */
    private Thread startParkedWaiter(Workers workers, ObjectPool<T> pool, AtomicReference<Throwable> thrown,
            AtomicReference<Boolean> interruptedWhenThrown) throws InterruptedException {
        Thread waiter = workers.start("waiter", () -> {
            try {
                pool.acquire(Duration.ofSeconds(30));
            } catch (RuntimeException e) {
                thrown.set(e);
                interruptedWhenThrown.set(Thread.currentThread().isInterrupted());
            }
        });
        Workers.awaitParked(waiter);
        return waiter;
    }
}

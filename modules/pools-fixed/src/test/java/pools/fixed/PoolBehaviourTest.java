package pools.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pools.api.ObjectPool;
import pools.api.ObjectPoolSpec;
import pools.api.PoolClosedException;
import pools.api.PoolExhaustedException;
import pools.api.PoolStats;
import pools.testkit.RecordingEvents;
import pools.testkit.Workers;

/**
 * The object pool through its provider only (no engine internals): counters read after each
 * operation that moves them, the peak, growth steps, several objects reused on one thread, dead
 * threads' caches, and close meeting a waiter.
 */
@Timeout(60)
class PoolBehaviourTest {
    private final RecordingEvents events = new RecordingEvents();

    private ObjectPool<StringBuilder> pool(int initial, int max, double growth) {
        return new FixedPoolProvider().create(ObjectPoolSpec.<StringBuilder>builder("behaviour", StringBuilder::new)
                .reset(b -> b.setLength(0)).initialCapacity(initial).maxCapacity(max).growthFactor(growth).build(),
                events.context(false));
    }

    @Test
    void severalObjectsAreReusedOnOneThreadEachOnce() {
        ObjectPool<StringBuilder> pool = pool(0, 16, 2.0);
        for (int n : new int[] {2, 3, 5, 8, 16}) {
            List<StringBuilder> held = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                held.add(pool.acquire().append(i));
            }
            assertEquals(n, distinct(held).size(), n + " objects held at once are distinct");
            held.forEach(pool::release);
            List<StringBuilder> again = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                StringBuilder next = pool.acquire();
                assertEquals(0, next.length(), "reset before reuse");
                again.add(next);
            }
            assertEquals(n, distinct(again).size(), "reused without one coming twice");
            assertEquals(distinct(held), distinct(again), "the same " + n + " objects came back");
            again.forEach(pool::release);
        }
        PoolStats stats = pool.stats();
        assertEquals(16, stats.capacity());
        assertEquals(16, stats.peakInUse());
        assertEquals(0, stats.inUse());
        assertEquals(2 * (2 + 3 + 5 + 8 + 16), stats.allocated());
        assertEquals(stats.allocated(), stats.freed());
    }

    @Test
    void thePeakIsTheMostHeldAtOnceAndStaysAfterReleases() {
        ObjectPool<StringBuilder> pool = pool(4, 8, 2.0);
        List<StringBuilder> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            held.add(pool.acquire());
            assertEquals(i + 1, pool.stats().peakInUse());
            assertEquals(i + 1, pool.stats().inUse());
        }
        held.forEach(pool::release);
        assertEquals(3, pool.stats().peakInUse());
        pool.release(pool.acquire());
        assertEquals(3, pool.stats().peakInUse(), "one at a time later does not lower it");
        for (int i = 0; i < 5; i++) {
            held.add(pool.acquire());
        }
        assertEquals(5, pool.stats().peakInUse());
    }

    @Test
    void growthStepsFollowTheFactorAndCountOneMissEach() {
        ObjectPool<StringBuilder> pool = pool(1, 20, 3.0);
        List<StringBuilder> held = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            held.add(pool.acquire());
        }
        assertEquals(List.of("1->3", "3->9", "9->20"), events.grown);
        PoolStats stats = pool.stats();
        assertEquals(20, stats.created());
        assertEquals(3, stats.misses(), "one miss per growth step");
        assertEquals(17, stats.hits(), "the pre-created objects are hits");
        assertThrows(PoolExhaustedException.class, () -> pool.acquire(Duration.ZERO));
        assertEquals(List.of("20"), events.exhausted);
        assertEquals(1, pool.stats().refusals());
        assertTrue(pool.tryAcquire().isEmpty());
        assertEquals(2, pool.stats().refusals());
        held.forEach(pool::release);
        assertEquals(20, pool.stats().free());
    }

    @Test
    void objectsLeftInManyDeadThreadsAreAllFoundAgain() throws InterruptedException {
        int threads = 6;
        int each = 3;
        ObjectPool<StringBuilder> pool = pool(0, threads * each, 2.0);
        Set<StringBuilder> seen = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
        CountDownLatch allHeld = new CountDownLatch(threads);
        Workers workers = new Workers();
        for (int t = 0; t < threads; t++) {
            workers.start("holder-" + t, () -> {
                List<StringBuilder> mine = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    mine.add(pool.acquire());
                }
                seen.addAll(mine);
                allHeld.countDown();
                Workers.await(allHeld, Duration.ofSeconds(20)); // every object held at once: all distinct
                mine.forEach(pool::release);
            });
        }
        workers.joinAll(Duration.ofSeconds(30));
        assertEquals(threads * each, seen.size());
        PoolStats quiet = pool.stats();
        List<StringBuilder> all = new ArrayList<>();
        for (int i = 0; i < threads * each; i++) {
            all.add(pool.tryAcquire().orElseThrow(() -> new AssertionError("refused with objects in dead threads' caches")));
        }
        assertEquals(seen, distinct(all));
        assertEquals(quiet.misses(), pool.stats().misses(), "nothing created again");
        assertTrue(pool.tryAcquire().isEmpty());
    }

    @Test
    void closeWakesAWaiterWithPoolClosed() throws InterruptedException {
        ObjectPool<StringBuilder> pool = pool(1, 1, 2.0);
        pool.acquire();
        List<Throwable> outcome = new CopyOnWriteArrayList<>();
        Workers workers = new Workers();
        Thread waiter = workers.start("waiter", () -> {
            try {
                pool.acquire(Duration.ofMinutes(5));
            } catch (PoolClosedException e) {
                outcome.add(e);
            }
        });
        Workers.awaitParked(waiter);
        long start = System.nanoTime();
        pool.close();
        workers.joinAll(Duration.ofSeconds(20));
        assertEquals(1, outcome.size(), "the waiter saw the close, not a timeout");
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos());
    }

    @Test
    void releasesFromOtherThreadsServeAWaiterInOrder() throws InterruptedException {
        ObjectPool<StringBuilder> pool = pool(2, 2, 2.0);
        StringBuilder a = pool.acquire();
        StringBuilder b = pool.acquire();
        List<StringBuilder> got = new CopyOnWriteArrayList<>();
        CountDownLatch served = new CountDownLatch(2);
        Workers workers = new Workers();
        Thread first = workers.start("first", () -> {
            got.add(pool.acquire(Duration.ofSeconds(30)));
            served.countDown();
        });
        Workers.awaitParked(first);
        Thread second = workers.start("second", () -> {
            got.add(pool.acquire(Duration.ofSeconds(30)));
            served.countDown();
        });
        Workers.awaitParked(second);
        pool.release(a);
        pool.release(b);
        Workers.await(served, Duration.ofSeconds(20));
        workers.joinAll(Duration.ofSeconds(20));
        assertEquals(Set.of(System.identityHashCode(a), System.identityHashCode(b)),
                Set.copyOf(got.stream().map(System::identityHashCode).toList()));
        assertEquals(0, pool.stats().refusals());
    }

    private static Set<StringBuilder> distinct(List<StringBuilder> objects) {
        Set<StringBuilder> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(objects);
        return set;
    }
}

package pools.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pools.api.AcquireInterruptedException;
import pools.api.DoubleReleaseException;
import pools.api.ForeignObjectException;
import pools.api.ObjectPool;
import pools.api.ObjectPoolSpec;
import pools.api.PoolClosedException;
import pools.api.PoolExhaustedException;
import pools.api.PoolStats;
import pools.testkit.RecordingEvents;
import pools.testkit.Workers;

/** Reuse, growth, exhaustion, waiting, misuse and close of one {@link FixedPool}. */
@Timeout(60)
class FixedPoolTest {
    private final RecordingEvents events = new RecordingEvents();

    private ObjectPool<StringBuilder> pool(int initial, int max, double growth) {
        return pool(ObjectPoolSpec.<StringBuilder>builder("builders", StringBuilder::new)
                .reset(builder -> builder.setLength(0)).initialCapacity(initial).maxCapacity(max).growthFactor(growth).build());
    }

    private <T> ObjectPool<T> pool(ObjectPoolSpec<T> spec) {
        return new FixedPoolProvider().create(spec, events.context(false));
    }

    @Test
    void aReleasedObjectIsResetAndHandedOutAgain() {
        ObjectPool<StringBuilder> pool = pool(1, 4, 2.0);
        StringBuilder first = pool.acquire();
        first.append("secret");
        pool.release(first);
        StringBuilder second = pool.acquire();
        assertSame(first, second);
        assertEquals(0, second.length(), "reset on release");
        PoolStats stats = pool.stats();
        assertEquals(2, stats.hits(), "the pre-created object and its reuse are hits");
        assertEquals(0, stats.misses());
        assertEquals(1, stats.freed());
        assertEquals(1, stats.inUse());
        assertEquals(1, stats.peakInUse());
    }

    @Test
    void aFactoryFaultInAGrowthStepGivesBackTheWholeStep() {
        AtomicBoolean failing = new AtomicBoolean();
        ObjectPool<Object> pool = pool(ObjectPoolSpec.builder("faulty", () -> {
            if (failing.get()) {
                throw new IllegalStateException("injected factory fault");
            }
            return new Object();
        }).initialCapacity(1).maxCapacity(8).growthFactor(4.0).build());
        pool.acquire();
        PoolStats before = pool.stats();
        failing.set(true);
        assertThrows(IllegalStateException.class, pool::acquire, "the caller's own object could not be made");
        assertEquals(before, pool.stats(), "the 1 -> 4 step reserved nothing that stays: " + pool.stats());
        failing.set(false);
        pool.acquire();
        assertEquals(4, pool.stats().capacity(), "the next step grows as if the failed one never ran");
        assertEquals(4, pool.stats().created());
    }

    @Test
    void growsByTheFactorUpToTheMaxThenRefuses() {
        ObjectPool<StringBuilder> pool = pool(2, 10, 2.0);
        assertEquals(2, pool.stats().capacity(), "initial objects are created up front");
        List<StringBuilder> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            held.add(pool.acquire());
        }
        assertEquals(4, pool.stats().capacity(), "2 * 2.0");
        assertEquals(List.of("2->4"), events.grown);
        while (held.size() < 10) {
            held.add(pool.acquire());
        }
        assertEquals(List.of("2->4", "4->8", "8->10"), events.grown, "growth stops at the max");
        assertEquals(10, distinct(held).size());
        PoolStats full = pool.stats();
        assertEquals(10, full.capacity());
        assertEquals(3, full.misses(), "one miss per growth step; the rest were pre-created");
        assertEquals(7, full.hits());
        assertEquals(10, full.created(), "every object the factory made counts, pre-created ones too");
        PoolExhaustedException refused = assertThrows(PoolExhaustedException.class, pool::acquire);
        assertTrue(refused.getMessage().contains("maxCapacity 10"), refused.getMessage());
        assertTrue(pool.tryAcquire().isEmpty());
        PoolStats after = pool.stats();
        assertEquals(2, after.refusals(), "acquire and tryAcquire refusals are both counted");
        assertEquals(new PoolStats(full.name(), full.hits(), full.misses(), full.created(), full.freed(), full.peakInUse(),
                full.capacity(), full.maxCapacity(), 2, 0), after, "a refusal changes nothing else");
        assertEquals(List.of("10", "10"), events.exhausted);
        held.forEach(pool::release);
        assertEquals(0, pool.stats().inUse());
        assertEquals(10, pool.stats().peakInUse());
    }

    @Test
    void tryAcquireGrowsWhenItCan() {
        ObjectPool<StringBuilder> pool = pool(0, 1, 1.5);
        StringBuilder only = pool.tryAcquire().orElseThrow();
        assertTrue(pool.tryAcquire().isEmpty());
        pool.release(only);
        assertSame(only, pool.tryAcquire().orElseThrow());
        assertEquals(1, pool.stats().refusals());
    }

    @Test
    void aWaitingAcquireGetsTheObjectAnotherThreadReleases() throws InterruptedException {
        ObjectPool<StringBuilder> pool = pool(1, 1, 2.0);
        StringBuilder held = pool.acquire();
        AtomicReference<StringBuilder> got = new AtomicReference<>();
        Workers workers = new Workers();
        Thread waiter = workers.start("waiter", () -> got.set(pool.acquire(Duration.ofSeconds(30))));
        Workers.awaitParked(waiter);
        assertEquals(null, got.get(), "the waiter is parked in the pool, with nothing yet");
        pool.release(held);
        workers.joinAll(Duration.ofSeconds(20));
        assertSame(held, got.get(), "the waiter got the object released while it waited");
        assertEquals(0, pool.stats().refusals());
        assertEquals(2, pool.stats().allocated());
    }

    @Test
    void aWaitingAcquireTimesOutWithARefusal() {
        ObjectPool<StringBuilder> pool = pool(ObjectPoolSpec.<StringBuilder>builder("waits", StringBuilder::new)
                .maxCapacity(1).acquireTimeout(Duration.ofMillis(60)).build());
        pool.acquire();
        PoolStats before = pool.stats();
        long start = System.nanoTime();
        PoolExhaustedException refused = assertThrows(PoolExhaustedException.class, pool::acquire);
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(60).toNanos(), "waited the spec's timeout");
        assertTrue(refused.getMessage().contains("within"), refused.getMessage());
        assertEquals(before.refusals() + 1, pool.stats().refusals());
        assertEquals(before.allocated(), pool.stats().allocated());
        assertThrows(IllegalArgumentException.class, () -> pool.acquire(Duration.ofMillis(-1)));
        assertThrows(NullPointerException.class, () -> pool.acquire(null));
        Thread.currentThread().interrupt();
        assertThrows(AcquireInterruptedException.class, () -> pool.acquire(Duration.ofDays(365_000_000L)),
                "an interrupted waiter gives up at once, even with a timeout too long for nanoseconds");
        assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
    }

    @Test
    void doubleAndForeignReleasesThrowAndChangeNothing() {
        ObjectPool<StringBuilder> pool = pool(2, 4, 2.0);
        StringBuilder held = pool.acquire();
        StringBuilder released = pool.acquire();
        released.append("x");
        pool.release(released);
        PoolStats before = pool.stats();
        DoubleReleaseException twice = assertThrows(DoubleReleaseException.class, () -> pool.release(released));
        assertTrue(twice.getMessage().contains("exactly once"), twice.getMessage());
        assertEquals(before, pool.stats());
        ForeignObjectException foreign = assertThrows(ForeignObjectException.class, () -> pool.release(new StringBuilder()));
        assertTrue(foreign.getMessage().contains("never handed out"), foreign.getMessage());
        NullPointerException nothing = assertThrows(NullPointerException.class, () -> pool.release(null));
        assertTrue(nothing.getMessage().contains("pool '"), "names the pool: " + nothing.getMessage());
        ObjectPool<StringBuilder> other = pool(1, 1, 2.0);
        assertThrows(ForeignObjectException.class, () -> other.release(held), "an object of another pool is foreign");
        assertEquals(before, pool.stats());
        pool.release(held);
        assertEquals(0, pool.stats().inUse());
    }

    @Test
    void factoryAndResetFaultsLeaveThePoolConsistent() {
        boolean[] fail = {false};
        ObjectPool<StringBuilder> pool = pool(ObjectPoolSpec.<StringBuilder>builder("faults", () -> {
            if (fail[0]) {
                throw new IllegalStateException("factory fault");
            }
            return new StringBuilder();
        }).reset(builder -> {
            if (fail[0]) {
                throw new IllegalArgumentException("reset fault");
            }
        }).maxCapacity(2).build());
        fail[0] = true;
        PoolStats empty = pool.stats();
        assertThrows(IllegalStateException.class, pool::acquire);
        assertEquals(empty, pool.stats());
        fail[0] = false;
        StringBuilder first = pool.acquire();
        fail[0] = true;
        assertThrows(IllegalArgumentException.class, () -> pool.release(first));
        assertEquals(0, pool.stats().capacity(), "the object whose reset failed is dropped");
        assertEquals(1, pool.stats().freed());
        fail[0] = false;
        assertNotSame(first, pool.acquire());
        ObjectPool<Object> nulls = pool(ObjectPoolSpec.builder("nulls", () -> null).build());
        assertThrows(NullPointerException.class, nulls::acquire);
        assertEquals(0, nulls.stats().capacity());
    }

    @Test
    void closeDropsFreeObjectsAndRefusesFurtherUse() {
        ObjectPool<StringBuilder> pool = pool(4, 4, 2.0);
        StringBuilder held = pool.acquire();
        pool.release(pool.acquire());
        pool.close();
        pool.close();
        assertEquals(1, pool.stats().capacity(), "only the held object is still counted");
        assertThrows(PoolClosedException.class, pool::acquire);
        assertThrows(PoolClosedException.class, pool::tryAcquire);
        assertThrows(PoolClosedException.class, () -> pool.acquire(Duration.ofSeconds(1)));
        assertThrows(PoolClosedException.class, () -> pool.release(held));
    }

    @Test
    void objectsCachedByADeadThreadComeBack() throws InterruptedException {
        ObjectPool<StringBuilder> pool = pool(0, 8, 2.0);
        Set<StringBuilder> created = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
        Workers first = new Workers();
        first.start("worker", () -> {
            List<StringBuilder> mine = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                mine.add(pool.acquire());
            }
            created.addAll(mine);
            mine.forEach(pool::release);
        });
        first.joinAll(Duration.ofSeconds(20));
        PoolStats before = pool.stats();
        assertEquals(8, before.free(), "the dead thread's cached objects are still counted as free");
        List<StringBuilder> again = new CopyOnWriteArrayList<>();
        Workers second = new Workers();
        second.startVirtual("taker", () -> {
            for (int i = 0; i < 8; i++) {
                again.add(pool.acquire());
            }
        });
        second.joinAll(Duration.ofSeconds(20));
        assertEquals(created, distinct(again), "every object came back from the dead thread's magazine");
        PoolStats stats = pool.stats();
        assertEquals(8, stats.capacity());
        assertEquals(before.misses(), stats.misses(), "nothing was created again");
        assertEquals(before.hits() + 8, stats.hits());
    }

    @Test
    void virtualAndPlatformThreadsShareTheCounters() throws InterruptedException {
        ObjectPool<StringBuilder> pool = pool(1, 4, 2.0);
        AtomicReference<StringBuilder> fromVirtual = new AtomicReference<>();
        Workers one = new Workers();
        one.startVirtual("acquirer", () -> fromVirtual.set(pool.acquire()));
        one.joinAll(Duration.ofSeconds(20));
        pool.release(fromVirtual.get());
        Workers two = new Workers();
        two.startVirtual("cycler", () -> pool.release(pool.acquire()));
        two.joinAll(Duration.ofSeconds(20));
        PoolStats stats = pool.stats();
        assertEquals(2, stats.allocated());
        assertEquals(2, stats.freed());
        assertEquals(1, stats.peakInUse());
    }

    static Set<StringBuilder> distinct(List<StringBuilder> objects) {
        Set<StringBuilder> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(objects);
        return set;
    }

}

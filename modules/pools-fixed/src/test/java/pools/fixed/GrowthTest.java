package pools.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pools.api.DoubleReleaseException;
import pools.api.ObjectPool;
import pools.api.ObjectPoolSpec;
import pools.api.PoolExhaustedException;
import pools.api.PoolStats;
import pools.testkit.RecordingEvents;
import pools.testkit.Workers;

/**
 * Growth steps and their units: a pre-creation that fails partway, a close during a step, a
 * pending unit taken over by another acquisition, the last unit being created while another
 * thread asks, and slot indices reused after drops. Read through the counters and growth events.
 */
@Timeout(60)
class GrowthTest {
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private final RecordingEvents events = new RecordingEvents();

    private ObjectPool<Object> pool(int initial, int max, double growth, Supplier<Object> factory) {
        return new FixedPoolProvider().create(ObjectPoolSpec.builder("growth", factory)
                .initialCapacity(initial).maxCapacity(max).growthFactor(growth).build(), events.context(false));
    }

    /** A factory whose call number {@code blockedCall} waits until {@link #open} is counted down, or fails it if {@code failing}. */
    private static final class Factory implements Supplier<Object> {
        final AtomicInteger calls = new AtomicInteger();
        final CountDownLatch blocked = new CountDownLatch(1);
        final CountDownLatch open = new CountDownLatch(1);
        private final int blockedCall;
        private final boolean failing;

        Factory(int blockedCall, boolean failing) {
            this.blockedCall = blockedCall;
            this.failing = failing;
        }

        @Override
        public Object get() {
            if (calls.incrementAndGet() == blockedCall) {
                if (failing) {
                    throw new IllegalStateException("injected fault in call " + blockedCall);
                }
                blocked.countDown();
                try {
                    Workers.await(open, DEADLINE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            return new Object();
        }
    }

    private static List<Object> acquire(ObjectPool<Object> pool, int count) {
        List<Object> held = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            held.add(pool.acquire());
        }
        return held;
    }

    @Test
    void aPreCreationFaultKeepsWhatWasMadeAndGivesBackTheRest() {
        Factory factory = new Factory(4, true);
        ObjectPool<Object> pool = pool(1, 8, 4.0, factory);
        List<Object> held = acquire(pool, 2);
        assertEquals(List.of("1->3"), events.grown, "1 -> 4 planned; the 2nd pre-created object failed");
        PoolStats step = pool.stats();
        assertEquals(3, step.capacity());
        assertEquals(3, step.created());
        assertEquals(1, step.free());
        held.addAll(acquire(pool, 6));
        assertEquals(List.of("1->3", "3->8"), events.grown);
        assertEquals(8, pool.stats().created());
        assertThrows(PoolExhaustedException.class, pool::acquire, "the failed step left no unit beyond the max");
        assertEquals(8, Set.copyOf(held).size());
    }

    @Test
    void aFaultInTheCallersOwnObjectLeavesNoUnitBeyondTheMax() {
        Factory factory = new Factory(2, true);
        ObjectPool<Object> pool = pool(1, 8, 4.0, factory);
        pool.acquire();
        assertThrows(IllegalStateException.class, pool::acquire);
        assertEquals(1, pool.stats().capacity());
        acquire(pool, 7);
        assertEquals(8, pool.stats().capacity());
        assertThrows(PoolExhaustedException.class, pool::acquire, "the given-back units are not pending any more");
        assertEquals(8, pool.stats().created());
    }

    @Test
    void aCloseDuringPreCreationGivesBackThePendingUnits() throws InterruptedException {
        Factory factory = new Factory(3, false);
        ObjectPool<Object> pool = pool(1, 8, 4.0, factory);
        Workers workers = new Workers();
        workers.start("grower", () -> acquire(pool, 2));
        Workers.await(factory.blocked, DEADLINE);
        pool.close();
        assertEquals(2, pool.stats().capacity(), "the two held; the two pending units are given back");
        factory.open.countDown();
        workers.joinAll(DEADLINE);
        PoolStats stats = pool.stats();
        assertEquals(2, stats.capacity(), "the object made after close was not kept");
        assertEquals(2, stats.created());
        assertEquals(3, factory.calls.get(), "no pre-creation after close");
        assertEquals(List.of("1->2"), events.grown);
    }

    @Test
    void aCloseWhileTheGrowersOwnObjectIsMadeStopsThePreCreation() throws InterruptedException {
        Factory factory = new Factory(2, false);
        ObjectPool<Object> pool = pool(1, 8, 4.0, factory);
        Workers workers = new Workers();
        workers.start("grower", () -> acquire(pool, 2));
        Workers.await(factory.blocked, DEADLINE);
        pool.close();
        factory.open.countDown();
        workers.joinAll(DEADLINE);
        assertEquals(2, factory.calls.get(), "the grower's own object only");
        assertEquals(2, pool.stats().capacity());
        assertEquals(List.of("1->2"), events.grown);
    }

    /**
     * Max 4, growth 4.0: the grower's 1 -> 4 step is stuck in its first pre-creation; an
     * acquisition that finds nothing free takes one of its two pending units over and creates its
     * own object; the grower then makes only the one unit left.
     */
    @Test
    void anAcquisitionTakesOverAPendingUnitOfAStuckStep() throws InterruptedException {
        Factory factory = new Factory(3, false);
        ObjectPool<Object> pool = pool(1, 4, 4.0, factory);
        Object first = pool.acquire();
        Workers workers = new Workers();
        List<Object> grown = new ArrayList<>();
        workers.start("grower", () -> grown.add(pool.acquire()));
        Workers.await(factory.blocked, DEADLINE);
        Object taken = pool.acquire();
        assertEquals(4, factory.calls.get(), "the taker made its own object (the 3rd call is the stuck one)");
        factory.open.countDown();
        workers.joinAll(DEADLINE);
        assertEquals(4, factory.calls.get(), "the grower kept its stuck object for the one unit left, and made no more");
        assertEquals(List.of("1->3"), events.grown, "the grower's step made its own object and one more");
        PoolStats stats = pool.stats();
        assertEquals(4, stats.capacity());
        assertEquals(4, stats.created());
        assertEquals(3, stats.inUse());
        Object last = pool.tryAcquire().orElseThrow();
        assertEquals(4, Set.of(first, taken, grown.getFirst(), last).size());
        assertTrue(pool.tryAcquire().isEmpty(), "4 of 4 held");
    }

    /** Max 2: the second unit's object is being made for another thread, so all units are held. */
    @Test
    void tryAcquireRefusesWhileTheLastUnitIsBeingCreated() throws InterruptedException {
        Factory factory = new Factory(2, false);
        ObjectPool<Object> pool = pool(1, 2, 2.0, factory);
        pool.acquire();
        Workers workers = new Workers();
        workers.start("grower", pool::acquire);
        Workers.await(factory.blocked, DEADLINE);
        assertTrue(pool.tryAcquire().isEmpty(), "one held, one being created: nothing to wait for");
        assertEquals(1, pool.stats().refusals());
        factory.open.countDown();
        workers.joinAll(DEADLINE);
        assertEquals(2, pool.stats().inUse());
    }

    @Test
    void refusalsAtTheMaxReserveNothing() {
        ObjectPool<Object> pool = pool(2, 2, 2.0, Object::new);
        acquire(pool, 2);
        for (int i = 0; i < 3; i++) {
            assertTrue(pool.tryAcquire().isEmpty());
        }
        pool.close();
        assertEquals(2, pool.stats().capacity(), "only the two held objects, nothing reserved by the refusals");
    }

    /**
     * Max 2, both indices used: the object at index 1 is dropped (its reset fails), and the object
     * created next takes that index; both objects are then found again, none created twice.
     */
    @Test
    void aDroppedSlotsIndexIsReused() {
        boolean[] failReset = {false};
        ObjectPool<Object> pool = new FixedPoolProvider().create(ObjectPoolSpec.<Object>builder("reuse", Object::new)
                .reset(object -> {
                    if (failReset[0]) {
                        throw new IllegalArgumentException("reset fault");
                    }
                }).initialCapacity(2).maxCapacity(2).build(), events.context(false));
        Object a = pool.acquire();
        Object b = pool.acquire();
        failReset[0] = true;
        assertThrows(IllegalArgumentException.class, () -> pool.release(b));
        failReset[0] = false;
        assertThrows(DoubleReleaseException.class, () -> pool.release(b), "the dropped object's release happened once");
        Object c = pool.acquire();
        assertNotSame(b, c);
        assertEquals(3, pool.stats().created());
        pool.release(a);
        pool.release(c);
        Set<Object> again = Set.of(pool.acquire(), pool.acquire());
        assertEquals(Set.of(a, c), again, "both found through their slots");
        assertEquals(3, pool.stats().created(), "nothing created again");
        assertTrue(pool.tryAcquire().isEmpty());
    }
}

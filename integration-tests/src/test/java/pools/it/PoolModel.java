package pools.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import pools.api.DoubleReleaseException;
import pools.api.ForeignObjectException;
import pools.api.ObjectPool;
import pools.api.PoolClosedException;
import pools.api.PoolExhaustedException;
import pools.api.PoolStats;

/**
 * A reference model of any {@link ObjectPool}, driven side by side with the real pool: after every
 * operation the pool's stats must equal the model's, no object may be held twice, and every
 * misuse must throw its exception and leave the stats exactly as they were.
 *
 * @param <T> the pooled type
 */
final class PoolModel<T> {

    /** One step of a random sequence. {@code pick} chooses among held or free objects, modulo their count. */
    sealed interface Op permits Acquire, TryAcquire, Release, DoubleRelease, ForeignRelease { }

    record Acquire() implements Op { }

    record TryAcquire() implements Op { }

    record Release(int pick) implements Op { }

    record DoubleRelease(int pick) implements Op { }

    record ForeignRelease() implements Op { }

    private final ObjectPool<T> pool;
    private final int maxCapacity;
    private final Supplier<T> foreign;
    private final Consumer<T> checkFreshAndDirty;
    /** Objects held by the model's caller; identity, since pooled objects may be equal. */
    private final Map<T, Boolean> held = new IdentityHashMap<>();
    private final List<T> heldOrder = new ArrayList<>();
    /** Objects released and not acquired again: free in the pool. */
    private final List<T> free = new ArrayList<>();
    private final Map<T, Boolean> everHandedOut = new IdentityHashMap<>();
    private long acquired;
    private long freed;
    private long refusals;
    private long peak;

    /**
     * @param foreign            makes an object this pool never handed out
     * @param checkFreshAndDirty asserts a just-acquired object carries nothing from its last user, then marks it used
     */
    PoolModel(ObjectPool<T> pool, int maxCapacity, Supplier<T> foreign, Consumer<T> checkFreshAndDirty) {
        this.pool = pool;
        this.maxCapacity = maxCapacity;
        this.foreign = foreign;
        this.checkFreshAndDirty = checkFreshAndDirty;
    }

    void apply(Op op) {
        PoolStats before = pool.stats();
        switch (op) {
            case Acquire a -> {
                if (heldOrder.size() < maxCapacity) {
                    take(pool.acquire());
                } else {
                    assertThrows(PoolExhaustedException.class, pool::acquire);
                    refusals++;
                }
            }
            case TryAcquire t -> {
                Optional<T> object = pool.tryAcquire();
                assertEquals(heldOrder.size() < maxCapacity, object.isPresent(), "tryAcquire succeeds iff below max");
                object.ifPresentOrElse(this::take, () -> refusals++);
            }
            case Release r -> {
                if (!heldOrder.isEmpty()) {
                    T object = heldOrder.remove(Math.floorMod(r.pick(), heldOrder.size()));
                    held.remove(object);
                    pool.release(object);
                    free.add(object);
                    freed++;
                }
            }
            case DoubleRelease d -> {
                if (!free.isEmpty()) {
                    T object = free.get(Math.floorMod(d.pick(), free.size()));
                    assertThrows(DoubleReleaseException.class, () -> pool.release(object));
                    assertEquals(before, pool.stats(), "a double release changes nothing");
                }
            }
            case ForeignRelease f -> {
                assertThrows(ForeignObjectException.class, () -> pool.release(foreign.get()));
                assertEquals(before, pool.stats(), "a foreign release changes nothing");
            }
        }
        check();
    }

    /** Closes the pool: every later acquire fails with PoolClosedException. */
    void closeAndCheck() {
        pool.close();
        assertThrows(PoolClosedException.class, pool::acquire);
        assertThrows(PoolClosedException.class, pool::tryAcquire);
    }

    private void take(T object) {
        assertTrue(held.put(object, Boolean.TRUE) == null, "an object was handed out while already held");
        heldOrder.add(object);
        free.removeIf(candidate -> candidate == object);
        everHandedOut.put(object, Boolean.TRUE);
        checkFreshAndDirty.accept(object);
        acquired++;
        peak = Math.max(peak, heldOrder.size());
    }

    private void check() {
        PoolStats stats = pool.stats();
        assertEquals(acquired, stats.allocated(), "acquisitions");
        assertEquals(acquired, stats.hits() + stats.misses(), "every acquisition is a hit or a miss");
        assertEquals(freed, stats.freed(), "releases");
        assertEquals(heldOrder.size(), stats.inUse(), "in use");
        assertEquals(peak, stats.peakInUse(), "peak in use");
        assertEquals(refusals, stats.refusals(), "refusals");
        assertEquals(maxCapacity, stats.maxCapacity(), "max capacity");
        assertTrue(stats.capacity() <= maxCapacity, "capacity within max: " + stats);
        assertTrue(stats.capacity() >= everHandedOut.size(), "capacity counts every object handed out: " + stats);
        assertTrue(stats.misses() <= stats.capacity(), "a miss creates an object: " + stats);
    }
}

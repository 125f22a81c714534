package pools.fixed;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Supplier;
import org.jctools.queues.atomic.MpmcAtomicArrayQueue;
import pools.api.ObjectPoolSpec;
import pools.api.PoolClosedException;
import pools.api.spi.GrowthStep;
import pools.api.spi.PoolEvents;

/**
 * Creates a {@link FixedPool}'s objects and keeps its capacity. Capacity counts three kinds of
 * units: objects created and owned, objects acquisitions are creating for themselves now
 * ({@link #creating}), and objects reserved for pre-creation but not yet made
 * ({@link #pendingExtras}). Every change happens under this object's monitor, which no one holds
 * while a factory runs; growth is rare (a miss), so the lock costs the hot path nothing.
 *
 * <p>Why pre-creation is only a pending reservation until its object exists: an acquisition that
 * finds nothing free while another thread pre-creates must not be refused (a pool below its max
 * that has nothing free creates), and must not wait on someone else's factory either. So it takes
 * a pending unit over and creates its own object; the pre-creating thread, whose object is then
 * one too many, drops it. A pre-created object claims its unit only once made, and is published
 * to the free queue right after, with no user code in between.
 *
 * @param <T> the pooled type
 */
final class Growth<T> {
    /** {@link #reserveOrCheckFull} found the pool at its max with every unit held. */
    static final long FULL = -1;
    /** {@link #reserveOrCheckFull} found nothing to reserve, yet not every unit is held: objects are in flight. */
    static final long IN_FLIGHT = -2;
    /** The {@code from} of a grant that took a pending unit over instead of growing. */
    static final int TAKEN_OVER = -1;
    /** Elements of {@link #slots}. */
    static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(Slot[].class);

    private final String name;
    private final Supplier<? extends T> factory;
    private final int maxCapacity;
    private final double growthFactor;
    private final PoolEvents events;
    /** Where pre-created objects go; the pool's free queue, sized to the max. */
    private final MpmcAtomicArrayQueue<Slot<T>> queue;
    /** Every object's slot; its own monitor guards adds and clear. */
    private final SlotTable<T> table;
    /**
     * Every slot by its index, so that magazines can hold ints. Written under the monitor with
     * release stores (a new slot, possibly at the index of a dropped one); read with plain loads
     * by threads that got the index through a happens-before chain from that store (their own
     * magazine), else with acquire loads. A stale index may read a newer slot: its state CAS
     * decides, as for any stale reference (see {@link Slot}).
     */
    private final Slot<?>[] slots;
    /** Indices below this have been used; under the monitor. */
    private int nextIndex;
    /** The pool that the slots belong to (for leases). */
    private final FixedPool<T> pool;
    /** Units of every kind (see above). Written under the monitor; volatile for lock-free readers (stats, peak). */
    private volatile int capacity;
    /** Units reserved for pre-creation that no thread has claimed yet; under the monitor. */
    private int pendingExtras;
    /** Units of acquisitions creating their own object now; under the monitor. */
    private int creating;
    /** Objects the factory made and the pool kept; under the monitor. */
    private long created;
    /**
     * Objects given back by idle trims; written under the monitor, volatile so that stats can
     * tell (by reading it before and after) whether a trim ran while they read.
     */
    private volatile long trimmed;
    /** Set by close under the monitor: no unit is reserved or claimed after it. */
    private boolean closed;

    Growth(ObjectPoolSpec<T> spec, PoolEvents events, MpmcAtomicArrayQueue<Slot<T>> queue, SlotTable<T> table,
            FixedPool<T> pool) {
        this.pool = pool;
        this.slots = new Slot<?>[spec.maxCapacity()];
        this.name = spec.name();
        this.factory = spec.factory();
        this.maxCapacity = spec.maxCapacity();
        this.growthFactor = spec.growthFactor();
        this.events = events;
        this.queue = queue;
        this.table = table;
        for (int i = 0; i < spec.initialCapacity(); i++) {
            Slot<T> slot = register(create());
            slot.free();
            if (slot.markQueued()) {
                queue.offer(slot);
            }
        }
        synchronized (this) {
            created = spec.initialCapacity();
            capacity = spec.initialCapacity();
        }
    }

    int capacity() {
        return capacity;
    }

    int maxCapacity() {
        return maxCapacity;
    }

    /** The slot array (see {@link #slots}); fixed for the pool's life. */
    Slot<?>[] slots() {
        return slots;
    }

    /** Slots at indices below this may exist. */
    synchronized int indexBound() {
        return nextIndex;
    }

    synchronized long created() {
        return created;
    }

    /**
     * For an acquisition that found nothing free: reserves a unit for its own object, growing by
     * the growth factor if below the max (the rest of the step becomes pending pre-creation), or
     * taking over a pending unit. Returns a grant (0 or more: see {@link #grantedFrom} and
     * {@link #grantedExtras}), or, when nothing can be reserved, {@link #FULL} if {@code held}
     * (objects counted as held by the caller's snapshot) plus those being created fill the
     * capacity, else {@link #IN_FLIGHT}.
     *
     * @throws PoolClosedException if the pool is closed
     */
    synchronized long reserveOrCheckFull(long held) {
        requireOpen();
        if (capacity < maxCapacity) {
            int from = capacity;
            int to = GrowthStep.next(from, growthFactor, 1, maxCapacity);
            pendingExtras += to - from - 1;
            creating++;
            capacity = to;
            return grant(from, to - from - 1);
        }
        if (pendingExtras > 0) {
            pendingExtras--;
            creating++;
            return grant(TAKEN_OVER, 0);
        }
        return held + creating >= capacity ? FULL : IN_FLIGHT;
    }

    /** The capacity a grant grew from, or {@link #TAKEN_OVER}. */
    static int grantedFrom(long grant) {
        return (int) (grant >>> 32) - 1;
    }

    /** How many objects the holder of a grant should pre-create after its own. */
    static int grantedExtras(long grant) {
        return (int) grant;
    }

    private static long grant(int from, int extras) {
        return (long) (from + 1) << 32 | extras;
    }

    /**
     * Creates the object that {@code grant} reserved for its caller. A fault (or a null) gives
     * back the caller's unit and the grant's pre-creation units not yet taken over, and fails the
     * acquire with its exception: the pool is as if the acquire never ran.
     */
    Slot<T> createReserved(long grant) {
        T object;
        try {
            object = create();
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                creating--;
                capacity--;
            }
            giveBackPending(grantedExtras(grant));
            throw e;
        }
        Slot<T> slot = register(object);
        synchronized (this) {
            creating--;
            created++;
        }
        return slot;
    }

    /**
     * After the caller's own object of {@code grant} is made: pre-creates up to the grant's extra
     * objects into the free queue, each claiming a pending unit once it exists, and reports the
     * growth. Stops early when no unit is left (others took them over, or close) or when the
     * factory fails, giving back what it reserved and did not make: the caller's own object is
     * already made, so its acquire still succeeds, and the next growth step meets the fault again.
     */
    void completeGrowth(long grant) {
        int from = grantedFrom(grant);
        if (from == TAKEN_OVER) {
            return;
        }
        int extras = grantedExtras(grant);
        int made = 0;
        while (made < extras && hasPendingExtras()) {
            T object;
            try {
                object = create();
            } catch (RuntimeException | Error e) {
                giveBackPending(extras - made);
                break;
            }
            if (!claimPending()) {
                break;
            }
            Slot<T> slot = register(object);
            slot.free();
            if (slot.markQueued()) {
                queue.offer(slot);
            }
            made++;
        }
        events.grown(name, from, from + 1 + made);
    }

    /** Forgets {@code count} objects the pool dropped (a failing reset, or close). */
    synchronized void dropped(int count) {
        capacity -= count;
    }

    /** Forgets {@code count} free objects an idle trim dropped. */
    synchronized void trimmed(int count) {
        capacity -= count;
        trimmed += count;
    }

    long trimmed() {
        return trimmed;
    }

    /** No unit is reserved or claimed from now on; pending ones are given back. */
    synchronized void close() {
        closed = true;
        capacity -= pendingExtras;
        pendingExtras = 0;
    }

    private synchronized boolean hasPendingExtras() {
        return pendingExtras > 0 && !closed;
    }

    private synchronized boolean claimPending() {
        if (pendingExtras == 0 || closed) {
            return false;
        }
        pendingExtras--;
        created++;
        return true;
    }

    private synchronized void giveBackPending(int atMost) {
        int given = Math.min(atMost, pendingExtras);
        pendingExtras -= given;
        capacity -= given;
    }

    private void requireOpen() {
        if (closed) {
            throw new PoolClosedException("pool '" + name + "' is closed; acquire from a live pool");
        }
    }

    /**
     * Registers a new slot for {@code object}, LEASED by the caller, for release to find. Every
     * caller holds a unit of capacity without a slot, so fewer than max slots are live and, once
     * every index was used, one of them holds a dropped slot.
     */
    private Slot<T> register(T object) {
        Slot<T> slot;
        synchronized (this) {
            int index = nextIndex < slots.length ? nextIndex++ : droppedIndex();
            slot = new Slot<>(object, index, pool);
            SLOTS.setRelease(slots, index, slot);
        }
        synchronized (table) {
            table.add(slot);
        }
        return slot;
    }

    private int droppedIndex() {
        for (int i = 0; i < slots.length; i++) {
            if (slots[i].state() == Slot.DROPPED) {
                return i;
            }
        }
        throw new IllegalStateException("pool '" + name + "': no slot index free; this is a bug in pools.fixed");
    }

    private T create() {
        T object = factory.get();
        if (object == null) {
            throw new NullPointerException("pool '" + name + "': the factory returned null; it must return a new object");
        }
        return object;
    }
}

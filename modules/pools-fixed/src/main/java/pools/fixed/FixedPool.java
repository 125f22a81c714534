package pools.fixed;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.jctools.queues.atomic.MpmcAtomicArrayQueue;
import pools.api.AcquireInterruptedException;
import pools.api.DoubleReleaseException;
import pools.api.IdlePolicy;
import pools.api.ForeignObjectException;
import pools.api.ObjectPool;
import pools.api.ObjectPoolSpec;
import pools.api.PoolClosedException;
import pools.api.PoolExhaustedException;
import pools.api.PoolStats;
import pools.api.spi.IdleWatch;
import pools.api.spi.PoolContext;
import pools.api.spi.PoolEvents;
import pools.api.spi.WaitQueue;

/**
 * A bounded, lock-free {@link ObjectPool}. Free objects sit in a shared MPMC queue sized to the
 * max capacity, with a small magazine per platform thread in front ({@link Stripes}), so a thread
 * that releases and acquires again touches only its own stripe. Virtual threads use the shared
 * queue directly, so thousands of them pin no objects. Every object has a {@link Slot} whose state
 * CAS detects double release; the {@link SlotTable} maps objects to slots for release, and each
 * stripe remembers the slot it acquired last, which most releases need.
 *
 * <p>An acquire looks in its own magazine, then the queue. Only if both are empty does it take
 * the slow path: steal from any stripe's magazine (so objects cached by an idle or dead thread
 * are never out of reach), else reserve a unit of capacity ({@link Growth}) and create, else
 * decide that the pool is exhausted. That decision is made at one instant, not from reads spread
 * over time: the acquisition and release sums are read before the search and again after the
 * growth check, and only if neither moved (nothing was acquired or released meanwhile) and the
 * objects counted as held fill the capacity is the pool exhausted; otherwise it searches again.
 * This is what makes {@code tryAcquire} linearizable (model-checked with Lincheck).
 *
 * <p>A release resets the object, puts it in its own magazine (or the queue when the magazine is
 * full or the thread has none), counts itself, and wakes the first waiter if any
 * ({@link WaitQueue}): waiters park until a release wakes them, or at most until their next
 * re-check should that release have raced their arrival.
 *
 * <p>Where the contract is weaker than {@link ObjectPool} suggests: under unbroken contention at
 * the max capacity, where objects keep moving between other threads' magazines, an acquire that
 * finds nothing gives up after {@link #MAX_UNSTABLE_SEARCHES} such searches rather than spin on (a refusal while
 * objects were in flight; a waiting acquire then waits in line). {@code peakInUse} is exact for
 * one thread but under concurrency may miss a peak that lasted only while other threads' counts
 * were in flight (it is never below the current in-use count).
 *
 * @param <T> the pooled type
 */
final class FixedPool<T> implements ObjectPool<T> {
    private static final VarHandle CLOSED;
    /** Searches that saw the pool full but objects moving, before the slow path refuses (see the class comment). */
    private static final int MAX_UNSTABLE_SEARCHES = 64;

    static {
        try {
            CLOSED = MethodHandles.lookup().findVarHandle(FixedPool.class, "closed", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String name;
    private final Consumer<? super T> reset;
    private final long acquireTimeoutNanos;
    private final PoolEvents events;
    private final boolean tracksLeases;
    /**
     * Free slots outside magazines; sized to the max, so an offer never fails. Any thread offers
     * and polls; JCTools publishes an offered element with a release store that the polling
     * thread reads with an acquire load, so the reset's writes happen-before the next use.
     */
    private final MpmcAtomicArrayQueue<Slot<T>> queue;
    /** Every object's slot, for release; written under its own monitor (growth adds, close clears). */
    private final SlotTable<T> table;
    /** Creates objects and keeps the capacity. */
    private final Growth<T> growth;
    /** Magazines and counters; see {@link Stripes} and {@link Stripe} for their ordering. */
    private final Stripes stripes;
    /** Threads waiting for a release; signalled by every release that finds one. */
    private final WaitQueue waiters;
    private final IdlePolicy idle;
    /** The capacity an idle trim keeps. */
    private final int idleFloor;
    /** Samples for idle trims; its monitor also serializes the trims. */
    private final IdleWatch idleWatch;
    private final LongSupplier clock;
    /** Set once by close (CAS); read volatile at the start of every operation. */
    private volatile boolean closed;

    FixedPool(ObjectPoolSpec<T> spec, PoolContext context) {
        this.name = spec.name();
        this.reset = spec.reset();
        this.acquireTimeoutNanos = WaitQueue.saturatedNanos(spec.acquireTimeout());
        this.events = context.events();
        this.tracksLeases = context.tracksLeases();
        this.queue = new MpmcAtomicArrayQueue<>(Math.max(2, spec.maxCapacity()));
        this.table = new SlotTable<>(spec.initialCapacity());
        this.growth = new Growth<>(spec, events, queue, table);
        this.stripes = new Stripes(growth::capacity);
        this.waiters = new WaitQueue("pool '" + name + "'");
        this.idle = spec.idle();
        this.idleFloor = idle.floor(spec.initialCapacity());
        this.idleWatch = new IdleWatch(idle);
        this.clock = context.clock();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public T acquire() {
        return acquireWithin(acquireTimeoutNanos);
    }

    @Override
    public T acquire(Duration timeout) {
        return acquireWithin(waiters.timeoutNanos(timeout));
    }

    @Override
    public Optional<T> tryAcquire() {
        Stripe stripe = openStripe();
        T object = take(stripe);
        if (object == null) {
            refuse(stripe);
        }
        return Optional.ofNullable(object);
    }

    @Override
    public void release(T object) {
        if (object == null) {
            throw new NullPointerException("pool '" + name + "': release(null); release the object acquire returned");
        }
        requireOpen();
        Stripe stripe = stripes.of(Thread.currentThread());
        Slot<T> slot = slotOf(stripe, object);
        if (slot == null) {
            requireOpen();
            throw new ForeignObjectException("pool '" + name + "' never handed out " + describe(object)
                    + "; release an object only to the pool it was acquired from");
        }
        if (!slot.beginRelease()) {
            requireOpen();
            throw new DoubleReleaseException("pool '" + name + "': " + describe(object)
                    + " was released twice (it is already free here); release each acquired object exactly once");
        }
        if (tracksLeases) {
            events.released(name, object);
        }
        try {
            reset.accept(object);
        } catch (RuntimeException | Error e) {
            slot.drop();
            stripes.countReleased(stripe);
            growth.dropped(1);
            throw e;
        }
        if ((stripe == null || !stripe.push(slot)) && !queue.offer(slot)) {
            throw new IllegalStateException("pool '" + name + "': free queue overflow; this is a bug in pools.fixed");
        }
        stripes.countReleased(stripe);
        waiters.signalIfWaiting();
    }

    /**
     * Read with no idle trim in between (the trimmed count is read before and after, and equal),
     * so the capacity, read last, only grew during the reads. A release is counted just after its
     * object is free again, so another thread may acquire it first: for that instant the sums
     * count the object held twice. Such a release is counted here as done (freed is raised until
     * inUse fits the capacity), which is exact whenever no release is in flight.
     */
    @Override
    public PoolStats stats() {
        while (true) {
            long trimmed = growth.trimmed();
            Stripes.Totals totals = stripes.totals();
            long capacity = growth.capacity();
            long allocated = totals.hits() + totals.misses();
            long freed = Math.max(totals.released(), allocated - capacity);
            PoolStats stats = new PoolStats(name, totals.hits(), totals.misses(), growth.created(), freed,
                    Math.max(totals.peakInUse(), allocated - freed), capacity, growth.maxCapacity(),
                    totals.refusals(), 0, trimmed);
            if (growth.trimmed() == trimmed) {
                return stats;
            }
        }
    }

    /**
     * Drops free objects that stayed free for the idle timeout, down to the floor: out of the
     * shared queue first, then out of magazines (stealing, as an acquire would). Between taking a
     * slot and forgetting its unit the slot is in flight, so a concurrent acquire that finds
     * nothing searches again rather than refusing (see {@link #takeSlow}).
     */
    @Override
    public int trimIdle() {
        requireOpen();
        if (!idle.trims()) {
            return 0;
        }
        synchronized (idleWatch) {
            PoolStats now = stats();
            long wanted = Math.min(idleWatch.sample(clock.getAsLong(), now.free()), growth.capacity() - (long) idleFloor);
            int dropped = 0;
            while (dropped < wanted) {
                Slot<T> slot = queue.poll();
                if (slot == null) {
                    slot = stripes.steal();
                }
                if (slot == null) {
                    break;
                }
                slot.drop();
                dropped++;
            }
            if (dropped > 0) {
                int from = growth.capacity();
                growth.trimmed(dropped);
                events.trimmed(name, from, from - dropped);
            }
            return dropped;
        }
    }

    @Override
    public void close() {
        if (!CLOSED.compareAndSet(this, false, true)) {
            return;
        }
        growth.close();
        waiters.signal();
        int dropped = 0;
        for (Slot<T> slot = queue.poll(); slot != null; slot = queue.poll()) {
            slot.drop();
            dropped++;
        }
        for (Slot<T> slot = stripes.steal(); slot != null; slot = stripes.steal()) {
            slot.drop();
            dropped++;
        }
        growth.dropped(dropped);
        synchronized (table) {
            table.clear();
        }
    }

    private T acquireWithin(long timeoutNanos) {
        Stripe stripe = openStripe();
        T object = take(stripe);
        if (object == null && timeoutNanos > 0) {
            object = await(stripe, timeoutNanos);
        }
        if (object == null) {
            requireOpen();
            refuse(stripe);
            throw new PoolExhaustedException("pool '" + name + "' is exhausted: all " + growth.capacity()
                    + " objects (maxCapacity " + growth.maxCapacity() + ") are in use" + (timeoutNanos > 0
                    ? " and none came back within " + Duration.ofNanos(timeoutNanos) : "")
                    + "; release objects sooner, raise maxCapacity, or wait with acquire(Duration)");
        }
        return object;
    }

    /** Waits in line for a release; null if the time ran out. */
    private T await(Stripe stripe, long timeoutNanos) {
        try {
            return waiters.await(() -> {
                requireOpen();
                return take(stripe);
            }, timeoutNanos);
        } catch (AcquireInterruptedException e) {
            refuse(stripe);
            throw e;
        }
    }

    /** The caller's stripe (null for virtual threads and when every probed stripe is owned), after the closed check. */
    private Stripe openStripe() {
        requireOpen();
        return stripes.of(Thread.currentThread());
    }

    /** A free or new object for the caller, or null if the pool is exhausted. Never waits. */
    private T take(Stripe stripe) {
        Slot<T> slot = stripe == null ? null : stripe.pop();
        if (slot == null) {
            slot = queue.poll();
        }
        return slot != null ? handOut(stripe, slot, true) : takeSlow(stripe);
    }

    /**
     * Steals, creates, or decides at one instant that the pool is exhausted (see the class
     * comment): the sums are read acquisitions first, both before the search and after the growth
     * check; equal sums mean no object was acquired or released in between, so the search saw
     * every free structure as it was at the growth check. When objects are in flight (a unit of
     * capacity neither free, nor held, nor being created: another thread is a few instructions
     * from counting or publishing it, with no user code in between), it searches again, yielding
     * the processor now and then in case that thread was preempted.
     */
    private T takeSlow(Stripe stripe) {
        int unstable = 0;
        for (int search = 0; ; search++) {
            long acquired = stripes.acquiredSum();
            long released = stripes.releasedSum();
            Slot<T> slot = search == 0 || stripe == null ? null : stripe.pop();
            if (slot == null) {
                slot = queue.poll();
            }
            if (slot == null) {
                slot = stripes.steal();
            }
            if (slot != null) {
                return handOut(stripe, slot, true);
            }
            long grant = growth.reserveOrCheckFull(acquired - released);
            if (grant >= 0) {
                return created(stripe, grant);
            }
            if (grant == Growth.FULL && (acquired == stripes.acquiredSum() && released == stripes.releasedSum()
                    || ++unstable == MAX_UNSTABLE_SEARCHES)) {
                return null;
            }
            if ((search & 7) == 7) {
                Thread.yield();
            } else {
                Thread.onSpinWait();
            }
        }
    }

    /** Creates the caller's object under {@code grant}, hands it out, then pre-creates the grant's extras. */
    private T created(Stripe stripe, long grant) {
        Slot<T> slot = growth.createReserved(grant);
        T object = handOut(stripe, slot, false);
        growth.completeGrowth(grant);
        return object;
    }

    private void refuse(Stripe stripe) {
        stripes.countRefusal(stripe);
        events.exhausted(name, growth.capacity());
    }

    /** The slot of {@code object}: the caller's last acquired one if it matches, else from the table; null if none. */
    @SuppressWarnings("unchecked")
    private Slot<T> slotOf(Stripe stripe, T object) {
        if (object == null) {
            return null;
        }
        Slot<?> last = stripe == null ? null : stripe.lastAcquired;
        return last != null && last.object == object ? (Slot<T>) last : table.find(object);
    }

    private T handOut(Stripe stripe, Slot<T> slot, boolean hit) {
        slot.lease();
        if (stripe != null) {
            stripe.lastAcquired = slot;
        }
        stripes.countAcquired(stripe, hit);
        if (tracksLeases) {
            events.acquired(name, slot.object);
        }
        return slot.object;
    }

    private void requireOpen() {
        if (closed) {
            throw new PoolClosedException("pool '" + name + "' is closed; acquire from a live pool");
        }
    }

    private static String describe(Object object) {
        return object == null ? "null" : object.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(object));
    }
}

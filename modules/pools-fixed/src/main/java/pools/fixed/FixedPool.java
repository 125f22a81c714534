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
import pools.api.ForeignObjectException;
import pools.api.IdlePolicy;
import pools.api.Lease;
import pools.api.ObjectPool;
import pools.api.ObjectPoolSpec;
import pools.api.PoolClosedException;
import pools.api.PoolExhaustedException;
import pools.api.PoolStats;
import pools.api.ReleaseCheck;
import pools.api.spi.FieldHandles;
import pools.api.spi.IdleWatch;
import pools.api.spi.PoolContext;
import pools.api.spi.PoolEvents;
import pools.api.spi.WaitQueue;

/**
 * A bounded, lock-free {@link ObjectPool}. Free objects sit in a shared MPMC queue sized to the
 * max capacity, with a small magazine per platform thread in front ({@link Stripes}), so a thread
 * that releases and acquires again touches only its own stripe. Virtual threads use the shared
 * queue directly, so thousands of them pin no objects. Every object has a {@link Slot}, whose
 * state CAS FREE to LEASED decides who gets it (the one locked instruction of an acquire from a
 * magazine; a release from a magazine's owner needs none) and whose state detects a sequential
 * double release; under {@link ReleaseCheck#RACING} a release also CASes, so two racing releases
 * are told apart. The {@link SlotTable} maps objects to slots for release, and each stripe
 * remembers the slot it acquired last, which most releases need. A slot is also the object's
 * {@link Lease}, so {@link #lease()} allocates nothing.
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
 * objects were in flight; a waiting acquire then waits in line). {@code peakInUse} is exact whenever threads
 * take turns (each acquire or release done before the next starts), but under concurrency may
 * miss a peak that lasted only while another thread was changing its allowance (see {@link Stripes};
 * it is never below the current in-use count).
 *
 * @param <T> the pooled type
 */
final class FixedPool<T> implements ObjectPool<T> {
    private static final VarHandle CLOSED = FieldHandles.of(MethodHandles.lookup(), FixedPool.class, "closed", boolean.class);
    /** Searches that saw the pool full but objects moving, before the slow path refuses (see the class comment). */
    private static final int MAX_UNSTABLE_SEARCHES = 64;

    private final String name;
    private final Consumer<? super T> reset;
    private final long acquireTimeoutNanos;
    private final PoolEvents events;
    private final boolean tracksLeases;
    /** {@link ReleaseCheck#RACING}: release arbitrates with a CAS. */
    private final boolean racingChecked;
    /** Every slot by index ({@link Growth#slots()}); magazines hold indices into it. */
    private final Slot<?>[] slots;
    /**
     * Free slots outside magazines; sized to the max, so an offer never fails. Any thread offers
     * and polls; JCTools publishes an offered element with a release store that the polling
     * thread reads with an acquire load, so the reset's writes happen-before the next use.
     */
    private final MpmcAtomicArrayQueue<Slot<T>> queue;
    /** Every object's slot, for release; written under its own monitor (growth adds). */
    private final SlotTable<T> table;
    /** Creates objects and keeps the capacity. */
    private final Growth<T> growth;
    /** Magazines and counters; see {@link Stripes} and {@link Stripe} for their ordering. */
    private final Stripes stripes;
    /** {@link Stripes#table()} and its index mask: the first probe, one load shorter than {@link Stripes#of}. */
    private final Stripe[] stripeTable;
    private final int stripeMask;
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
        this.racingChecked = spec.releaseCheck() == ReleaseCheck.RACING;
        this.queue = new MpmcAtomicArrayQueue<>(Math.max(2, spec.maxCapacity()));
        this.table = new SlotTable<>(spec.initialCapacity());
        this.growth = new Growth<>(spec, events, queue, table, this);
        this.slots = growth.slots();
        this.stripes = new Stripes(growth::capacity);
        this.stripeTable = stripes.table();
        this.stripeMask = stripeTable.length - 1;
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
        return acquireWithin(acquireTimeoutNanos).object;
    }

    @Override
    public T acquire(Duration timeout) {
        return acquireWithin(waiters.timeoutNanos(timeout)).object;
    }

    /** The slot itself is the lease; it records the taking thread, which alone may use it. */
    @Override
    public Lease<T> lease() {
        Slot<T> slot = acquireWithin(acquireTimeoutNanos);
        slot.leaseThread = Thread.currentThread().threadId();
        return slot;
    }

    @Override
    public Optional<T> tryAcquire() {
        Stripe stripe = openStripe();
        Slot<T> slot = take(stripe);
        if (slot == null) {
            refuse(stripe);
            return Optional.empty();
        }
        return Optional.of(slot.object);
    }

    @Override
    public void release(T object) {
        if (object == null) {
            throw new NullPointerException("pool '" + name + "': release(null); release the object acquire returned");
        }
        requireOpen();
        Stripe stripe = stripeOf(Thread.currentThread());
        Slot<T> slot = slotOf(stripe, object);
        if (slot == null) {
            requireOpen();
            throw new ForeignObjectException("pool '" + name + "' never handed out " + describe(object)
                    + "; release an object only to the pool it was acquired from");
        }
        releaseSlot(stripe, slot, "was released twice (it is already free here); release each acquired object exactly once");
    }

    /** {@link Slot#get()}: the taking thread, while the lease is open. */
    void checkLease(Slot<T> slot) {
        requireLeaseThread(slot);
        if (!slot.isLeased()) {
            throw new IllegalStateException("pool '" + name + "': lease of " + describe(slot.object)
                    + " is closed; use the object only inside its try block");
        }
    }

    /** {@link Slot#close()}: releases the slot's object, as {@link #release} does. */
    void closeLease(Slot<T> slot) {
        requireLeaseThread(slot);
        requireOpen();
        releaseSlot(stripeOf(Thread.currentThread()), slot,
                "lease closed twice (its object is already free here); close each lease once");
    }

    private void requireLeaseThread(Slot<T> slot) {
        Thread current = Thread.currentThread();
        if (slot.leaseThread != current.threadId()) {
            throw new WrongThreadException("pool '" + name + "': lease of " + describe(slot.object) + " used by " + current
                    + ", not the thread that took it (or it was closed and has been handed out since); a lease is "
                    + "confined to its thread: hand objects between threads with acquire and release");
        }
    }

    /**
     * Checks that the caller may give {@code slot} back (it is LEASED, or under
     * {@link ReleaseCheck#RACING} this caller won the CAS), resets its object, frees it, and puts
     * it in the caller's magazine or the queue. The release is counted after the reset and before
     * the free store, so a count never runs ahead of the object it counts (see {@link Stripes}).
     */
    private void releaseSlot(Stripe stripe, Slot<T> slot, String twice) {
        if (racingChecked ? !slot.beginRacingRelease() : !slot.isLeased()) {
            requireOpen();
            throw new DoubleReleaseException("pool '" + name + "': " + describe(slot.object) + " " + twice);
        }
        T object = slot.object;
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
        // Counted before the slot can be claimed: a stale reference may claim it the instant it is
        // FREE, and its next acquisition must not be counted while this release is not.
        stripes.countReleased(stripe);
        slot.free();
        if (stripe == null || !stripe.push(slot)) {
            offer(slot);
        }
        waiters.signalIfWaiting();
    }

    /**
     * Read with no idle trim in between (the trimmed count is read before and after, and equal),
     * so the capacity, read last, only grew during the reads: a trim drops free objects only, but
     * one released after the sums were read could be trimmed before the capacity is. A release is
     * counted before its object can be claimed again ({@link #releaseSlot}), so the sums never
     * count one object held twice.
     */
    @Override
    public PoolStats stats() {
        while (true) {
            long trimmed = growth.trimmed();
            Stripes.Totals totals = stripes.totals();
            PoolStats stats = new PoolStats(name, totals.hits(), totals.misses(), growth.created(), totals.released(),
                    totals.peakInUse(), growth.capacity(), growth.maxCapacity(), totals.refusals(), 0, trimmed);
            if (growth.trimmed() == trimmed) {
                return stats;
            }
        }
    }

    /**
     * Drops free objects that stayed free for the idle timeout, down to the floor: out of the
     * shared queue first, then out of magazines (stealing, as an acquire would). A slot is claimed
     * as an acquire claims it, then marked DROPPED; the indices that magazines still hold for it
     * fail their claim and are skipped. Between the claim and forgetting its unit the slot is in
     * flight, so a concurrent acquire that finds nothing searches again rather than refusing (see
     * {@link #takeSlow}).
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
                Slot<T> slot = pollClaimed();
                if (slot == null) {
                    slot = stripes.steal(slots);
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
        while (queue.poll() != null) {
            // References only: the scan below drops every free slot, wherever it is referenced.
        }
        int dropped = 0;
        for (int i = 0, bound = growth.indexBound(); i < bound; i++) {
            Slot<?> slot = (Slot<?>) Growth.SLOTS.getAcquire(slots, i);
            if (slot != null && slot.dropIfFree()) {
                dropped++;
            }
        }
        growth.dropped(dropped);
    }

    private Slot<T> acquireWithin(long timeoutNanos) {
        Stripe stripe = openStripe();
        Slot<T> slot = take(stripe);
        if (slot == null && timeoutNanos > 0) {
            slot = await(stripe, timeoutNanos);
        }
        if (slot == null) {
            requireOpen();
            refuse(stripe);
            throw new PoolExhaustedException("pool '" + name + "' is exhausted: all " + growth.capacity()
                    + " objects (maxCapacity " + growth.maxCapacity() + ") are in use" + (timeoutNanos > 0
                    ? " and none came back within " + Duration.ofNanos(timeoutNanos) : "")
                    + "; release objects sooner, raise maxCapacity, or wait with acquire(Duration)");
        }
        return slot;
    }

    /** Waits in line for a release; null if the time ran out. */
    private Slot<T> await(Stripe stripe, long timeoutNanos) {
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
        return stripeOf(Thread.currentThread());
    }

    /** A free or new object's slot, claimed for the caller, or null if the pool is exhausted. Never waits. */
    private Slot<T> take(Stripe stripe) {
        Slot<T> slot = stripe == null ? null : stripe.pop(slots);
        if (slot == null) {
            slot = pollClaimed();
        }
        return slot != null ? handOut(stripe, slot, true) : takeSlow(stripe);
    }

    /**
     * Makes a freed slot findable from the queue, unless a reference to it is queued already.
     * The fence orders the free store before the flag's read, against the failed poller's flag
     * store before its second look (see {@link Slot#queued}): if this finds the flag set, the
     * poller of that reference sees the slot FREE.
     */
    private void offer(Slot<T> slot) {
        VarHandle.fullFence();
        if (slot.markQueued() && !queue.offer(slot)) {
            throw new IllegalStateException("pool '" + name + "': free queue overflow; only an undetected racing double "
                    + "release (ReleaseCheck.SEQUENTIAL) can cause this: release each object once, or use ReleaseCheck.RACING");
        }
    }

    /** A slot from the queue, claimed; skips references to slots others claimed meanwhile. */
    private Slot<T> pollClaimed() {
        for (Slot<T> slot = queue.poll(); slot != null; slot = queue.poll()) {
            if (slot.claimPolled()) {
                return slot;
            }
        }
        return null;
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
    private Slot<T> takeSlow(Stripe stripe) {
        int unstable = 0;
        for (int search = 0; ; search++) {
            long acquired = stripes.acquiredSum();
            long released = stripes.releasedSum();
            Slot<T> slot = search == 0 || stripe == null ? null : stripe.pop(slots);
            if (slot == null) {
                slot = pollClaimed();
            }
            if (slot == null) {
                slot = stripes.steal(slots);
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
    private Slot<T> created(Stripe stripe, long grant) {
        Slot<T> slot = growth.createReserved(grant);
        handOut(stripe, slot, false);
        growth.completeGrowth(grant);
        return slot;
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
        if (stripe != null) {
            Slot<?> hot = stripe.hot;
            if (hot != null && hot.object == object) {
                return (Slot<T>) hot;
            }
            int last = stripe.lastAcquired;
            if (last >= 0) {
                Slot<?> slot = slots[last];
                if (slot.object == object) {
                    return (Slot<T>) slot;
                }
            }
        }
        return table.find(object);
    }

    /** Records the caller's claimed slot: its last acquired, the counters, leak tracking. */
    private Slot<T> handOut(Stripe stripe, Slot<T> slot, boolean hit) {
        // Stores only when the value changes: every store before the next acquire's CAS delays it.
        if (slot.leaseThread != 0) {
            slot.leaseThread = 0;
        }
        if (stripe != null && stripe.lastAcquired != slot.index) {
            stripe.lastAcquired = slot.index;
        }
        stripes.countAcquired(stripe, hit);
        if (tracksLeases) {
            events.acquired(name, slot.object);
        }
        return slot;
    }

    /** {@link Stripes#of}, with its first probe inlined. */
    private Stripe stripeOf(Thread thread) {
        Stripe first = stripeTable[(int) thread.threadId() & stripeMask];
        return first.ownerAcquire() == thread ? first : stripes.of(thread);
    }

    private void requireOpen() {
        if (closed) {
            throw new PoolClosedException("pool '" + name + "' is closed; acquire from a live pool");
        }
    }

    /** Never null: a released object is checked first, and a slot's object is the factory's non-null result. */
    private static String describe(Object object) {
        return object.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(object));
    }
}

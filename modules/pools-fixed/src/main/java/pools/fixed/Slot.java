package pools.fixed;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import pools.api.Lease;
import pools.api.spi.FieldHandles;

/**
 * Padding before the state. Slots and objects are created in a row, and different threads hold
 * neighbouring slots and objects: the state, which changes on every acquire and release, must not
 * share a cache line with anything another thread writes. The int fills the 4 bytes after the
 * object header; left empty, HotSpot places a subclass's int there, which was the state, right
 * after the previous object (measured: two threads on one pool ran 3-5x slower than one).
 */
abstract class SlotPadBefore {
    int p;
    long p00, p01, p02, p03, p04, p05, p06, p07;
}

/**
 * The fields of a {@link Slot}, between its two paddings (a superclass's fields come first).
 *
 * @param <T> the pooled type
 */
abstract class SlotFields<T> extends SlotPadBefore {
    /**
     * FREE, LEASED, RELEASING or DROPPED. Claimed by CAS FREE to LEASED (the owner popping its
     * magazine, a thread polling the queue or stealing: the one arbiter between them); given back
     * by the holder with a release store of FREE after the reset (under
     * {@link pools.api.ReleaseCheck#RACING}, after a CAS LEASED to RELEASING that arbitrates
     * racing releases); dropped by a release store (failing reset) or CAS FREE to DROPPED
     * (close). Read with plain or acquire loads: a CAS that sees FREE synchronizes with the
     * release store that wrote it, so the reset's writes happen-before the next user's reads.
     */
    volatile int state;
    /**
     * 1 while the free queue holds a reference to this slot (or a poller has just taken it and
     * not yet cleared this), else 0: at most one reference per slot sits in the queue, so the
     * queue, sized to the max capacity, never overflows, although stale references elsewhere can
     * claim a slot whose reference is still queued. Set by CAS 0 to 1, before the offer, by a
     * releaser (two may race: a stale reference can claim the slot as soon as it is FREE, and its
     * next holder release it before the first releaser got here); cleared by the thread that
     * polled the reference: with a release store after it
     * claimed the slot (whoever releases the slot next happens-after that), or, if the claim
     * failed, with a volatile store followed by a fresh look at the state. The releaser orders
     * its free store before its read of the flag with a full fence, so either it sees the flag
     * cleared and offers, or the poller sees the slot FREE (see {@link FixedPool}).
     */
    volatile int queued;
    /**
     * Id of the thread that took this slot as a {@link pools.api.Lease}; written plain by that
     * thread before the lease is returned, read by {@code get}/{@code close} on the same thread
     * (a mismatch is misuse; a stale value only makes the check fail).
     */
    long leaseThread;
    /** Final: safely published with the slot, read by any thread. */
    final T object;
    /** Final: this slot's position in its pool's slot array (see {@link Growth#slots()}). */
    final int index;
    /** Final: the pool whose object this is, for {@link Slot#close()}. */
    final FixedPool<T> pool;

    SlotFields(T object, int index, FixedPool<T> pool) {
        this.object = object;
        this.index = index;
        this.pool = pool;
    }
}

/**
 * Padding after the fields: the next object created (the pool's next object, which another
 * thread may be writing) starts at least a cache line after {@link SlotFields#object}.
 */
abstract class SlotPadAfter<T> extends SlotFields<T> {
    long q00, q01, q02, q03, q04, q05, q06, q07;

    SlotPadAfter(T object, int index, FixedPool<T> pool) {
        super(object, index, pool);
    }
}

/**
 * One pooled object, its lease state, and its {@link Lease} (a slot is lent as the lease, so a
 * lease allocates nothing).
 *
 * <p>The state CAS FREE to LEASED is the single arbiter of who gets a free object. References to
 * a slot may therefore sit in several free structures at once (a stolen slot leaves a stale
 * index in its old magazine), and may outlive its freedom: whoever finds a reference CASes, and
 * a loser just moves on. Only the queue, which has a fixed size, is kept to one reference per
 * slot ({@link SlotFields#queued}). Invariant: every FREE slot is referenced by at least one free structure
 * (the queue or a magazine element) or is being published there by its releaser, who counts the
 * release only after publishing, so that the pool's exhaustion check sees it in flight.
 *
 * <p>A release checks the state is LEASED (so a sequential double release is always caught),
 * resets the object, and only then stores FREE: a stale reference cannot claim a slot whose
 * reset is still running. Two racing releases of one object both pass a plain check; only
 * {@link pools.api.ReleaseCheck#RACING} arbitrates them, with a CAS LEASED to RELEASING.
 *
 * @param <T> the pooled type
 */
final class Slot<T> extends SlotPadAfter<T> implements Lease<T> {
    static final int FREE = 0;
    static final int LEASED = 1;
    /** Being reset by the one releaser that won the CAS under {@link pools.api.ReleaseCheck#RACING}. */
    static final int RELEASING = 2;
    /** Dropped by a failing reset or by close: never handed out again. */
    static final int DROPPED = 3;

    private static final VarHandle STATE = FieldHandles.of(MethodHandles.lookup(), SlotFields.class, "state", int.class);
    private static final VarHandle QUEUED = FieldHandles.of(MethodHandles.lookup(), SlotFields.class, "queued", int.class);

    /** A new slot, LEASED by its creator, who hands it out or frees it into a free structure. */
    Slot(T object, int index, FixedPool<T> pool) {
        super(object, index, pool);
        STATE.setRelease(this, LEASED);
    }

    int state() {
        return (int) STATE.getAcquire(this);
    }

    /** Takes a free slot: true if this caller won it. A plain look first spares a locked instruction on stale references. */
    boolean claim() {
        return state == FREE && STATE.compareAndSet(this, FREE, LEASED);
    }

    /** Whether the slot is held, so that a release may go on (plain: the releaser holds it, or misuses it). */
    boolean isLeased() {
        return (int) STATE.getOpaque(this) == LEASED;
    }

    /** {@link pools.api.ReleaseCheck#RACING}: whether this caller won the right to reset and give it back. */
    boolean beginRacingRelease() {
        return STATE.compareAndSet(this, LEASED, RELEASING);
    }

    /** After the reset: the slot may be claimed again once a free structure holds it. */
    void free() {
        STATE.setRelease(this, FREE);
    }

    /**
     * For a releaser about to offer this slot to the queue: true if it should (no reference is
     * queued). A CAS, not a store: once the slot is FREE, a stale reference can claim it and its
     * next holder release it while this releaser is still here, so two releasers may race.
     */
    boolean markQueued() {
        return (int) QUEUED.getVolatile(this) == 0 && QUEUED.compareAndSet(this, 0, 1);
    }

    /**
     * For the thread that polled this slot's reference: claims the slot, and in any case records
     * that its reference left the queue. True if this caller won the slot.
     */
    boolean claimPolled() {
        if (claim()) {
            QUEUED.setRelease(this, 0);
            return true;
        }
        QUEUED.setVolatile(this, 0);
        // A releaser that saw the flag still set did not offer; its free store is visible now.
        return claim();
    }

    /** The holder drops it (failing reset). */
    void drop() {
        STATE.setRelease(this, DROPPED);
    }

    /** Close (and later trimming): takes a free slot out of use for good; true if this caller did. */
    boolean dropIfFree() {
        return state == FREE && STATE.compareAndSet(this, FREE, DROPPED);
    }

    @Override
    public T get() {
        pool.checkLease(this);
        return object;
    }

    @Override
    public void close() {
        pool.closeLease(this);
    }

    @Override
    public String toString() {
        return "lease of pool '" + pool.name() + "'";
    }
}

package pools.fixed;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

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
     * Written by the thread that owns the slot at that moment: release stores (LEASED, DROPPED)
     * by the owner, CAS LEASED to FREE by a releasing thread. Read with acquire loads. A FREE
     * slot is only reachable once its releaser publishes it to a free structure (release store or
     * queue offer) after the reset action, which orders the reset's writes before the next user's
     * reads.
     */
    volatile int state;
    /** Final: safely published with the slot, read by any thread. */
    final T object;

    SlotFields(T object) {
        this.object = object;
    }
}

/**
 * Padding after the fields: the next object created (the pool's next object, which another
 * thread may be writing) starts at least a cache line after {@link SlotFields#object}.
 */
abstract class SlotPadAfter<T> extends SlotFields<T> {
    long q00, q01, q02, q03, q04, q05, q06, q07;

    SlotPadAfter(T object) {
        super(object);
    }
}

/**
 * One pooled object and its lease state. The state is what makes misuse detectable: only the
 * thread that wins the LEASED to FREE transition may reset and give the object back, so a second
 * release (sequential or concurrent) fails its compare-and-set and changes nothing.
 *
 * <p>A slot reference sits in at most one free structure (the shared queue or one magazine
 * element) while the slot is FREE, and in none while it is LEASED: every removal from a free
 * structure is atomic (queue poll, magazine element exchange or CAS), so whoever removes the
 * reference owns the slot and may set LEASED with a plain release store.
 *
 * @param <T> the pooled type
 */
final class Slot<T> extends SlotPadAfter<T> {
    static final int FREE = 0;
    static final int LEASED = 1;
    /** Dropped by a failing reset or by close: never handed out again. */
    static final int DROPPED = 2;

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(SlotFields.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    Slot(T object, int initialState) {
        super(object);
        STATE.setRelease(this, initialState);
    }

    int state() {
        return (int) STATE.getAcquire(this);
    }

    /** The removing thread owns the slot: no other thread can write the state now. */
    void lease() {
        STATE.setRelease(this, LEASED);
    }

    /**
     * Whether this caller won the right to reset the object and give it back. FREE before the
     * reset is safe: no free structure holds the slot until the releaser publishes it.
     */
    boolean beginRelease() {
        return STATE.compareAndSet(this, LEASED, FREE);
    }

    void drop() {
        STATE.setRelease(this, DROPPED);
    }
}

package pools.arena;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The FFM scope of one acquisition of a {@link PooledArena}, and the budget bytes reserved for
 * what is allocated in it. The checked modes open it with the acquisition (pages are re-scoped to
 * it, or every allocation is made in it); the unchecked mode opens it only for an oversize
 * request, so that its acquire and close touch nothing here but {@link #end()}'s two checks.
 * Ending the acquisition closes it, so segments allocated in it fail their next access, and gives
 * its reservation back.
 *
 * <p>Threading: owned by its arena and touched only where the arena's own fields are (the
 * acquiring thread, or under the arena's monitor when shared).
 */
final class AcquisitionScope {
    private final ArenaCounters counters;
    private final PagePool pages;
    /** What is reserved at least when a non-oversize block needs more: the arena's home page size. */
    private final long reserveQuantum;
    /** Named in the budget's refusal: the arena this scope belongs to. */
    private final Object requester;

    /** The acquisition's FFM scope, or null when none is open. */
    private Arena scope;
    /** Budget bytes reserved for memory allocated in {@link #scope}, and how many are used. */
    private long reserved;
    private long used;

    AcquisitionScope(ArenaCounters counters, PagePool pages, long reserveQuantum, Object requester) {
        this.counters = counters;
        this.pages = pages;
        this.reserveQuantum = reserveQuantum;
        this.requester = requester;
    }

    /** Opens the scope as the acquisition begins (the checked modes). */
    void open(boolean shared) {
        scope = newScope(shared);
    }

    /** The open scope, for re-scoping a page to this acquisition; only after {@link #open}. */
    Arena arena() {
        return scope;
    }

    /**
     * Bytes {@link #allocate} would reserve against the budget for this request: none while the
     * bytes reserved so far cover it, else a page's worth at least (oversize: exactly what it
     * needs). The caller has checked that size plus padding fits in a long.
     */
    long reservationFor(long byteSize, long byteAlignment, boolean oversize) {
        long charge = charge(byteSize, byteAlignment);
        if (charge <= reserved - used) {
            return 0;
        }
        return oversize ? charge : Math.max(charge, reserveQuantum);
    }

    /**
     * A block of its own in this scope, reserved against the budget as {@link #reservationFor}
     * says. If the budget refuses or FFM cannot allocate, nothing stays reserved for it.
     */
    MemorySegment allocate(long byteSize, long byteAlignment, boolean oversize, boolean shared) {
        long quantum = reservationFor(byteSize, byteAlignment, oversize);
        if (quantum > 0) {
            pages.reserve(quantum, requester);
        }
        if (scope == null) {
            scope = newScope(shared);
        }
        MemorySegment memory;
        try {
            memory = scope.allocate(byteSize, byteAlignment);
        } catch (RuntimeException | OutOfMemoryError e) {
            if (quantum > 0) {
                pages.release(quantum);
            }
            throw e;
        }
        reserved += quantum;
        used += charge(byteSize, byteAlignment);
        if (oversize) {
            counters.oversize();
        }
        return memory;
    }

    /**
     * Ends the acquisition: closes the scope (stale segments now throw) and gives back its
     * reservation. If the scope cannot close (a native call holds one of its segments: only a
     * shared scope can be held by another thread), throws with nothing changed, so the caller
     * can leave its own state as it was and the close can be retried.
     */
    void end() {
        if (scope != null) {
            try {
                scope.close();
            } catch (IllegalStateException e) {
                throw new IllegalStateException("cannot close this arena yet: a native call in flight"
                        + " still holds one of its segments (" + e.getMessage() + "); nothing was closed,"
                        + " call close() again once that call has returned", e);
            }
            scope = null;
        }
        if (reserved > 0) {
            pages.release(reserved);
            reserved = 0;
            used = 0;
        }
    }

    /** What a request uses of the reservation: its size plus the padding FFM may add above malloc's 16-byte alignment. */
    private static long charge(long byteSize, long byteAlignment) {
        return Math.addExact(byteSize, byteAlignment > 16 ? byteAlignment - 1 : 0);
    }

    private static Arena newScope(boolean shared) {
        return shared ? Arena.ofShared() : Arena.ofConfined();
    }
}

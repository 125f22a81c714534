package pools.fixed;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import pools.api.spi.FieldHandles;

/**
 * Padding so that no two stripes' hot fields share a cache line (fields of a superclass come
 * first). The int fills the 4 bytes after the object header, where HotSpot would otherwise put a
 * subclass's int or compressed reference, next to the previous object.
 */
abstract class StripePadBefore {
    int p;
    long p00, p01, p02, p03, p04, p05, p06, p07;
    long p10, p11, p12, p13, p14, p15, p16, p17;
}

/**
 * A stripe's owner, alone on its cache line: threads whose hash lands on a stripe they do not own
 * read this field on every acquire and release while probing for their own, so it must not share
 * a line with the owner's counters, which change on every operation.
 */
abstract class StripeOwner extends StripePadBefore {
    /**
     * The platform thread that owns this stripe, or null. Set by CAS (null or a dead thread to the
     * claimer); read with acquire loads. Only the owner writes the fields of {@link StripeFields},
     * so they need no atomics; a new owner claims only after {@link Thread#isAlive()} saw the old
     * one dead, which happens-after everything the old owner wrote.
     */
    volatile Thread owner;
}

/**
 * Padding between the owner, read by probing threads, and the owner's hot fields. The int fills
 * the 4 bytes beside the compressed owner reference, where HotSpot would otherwise put the
 * magazine top.
 */
abstract class StripeOwnerPad extends StripeOwner {
    int o;
    long o00, o01, o02, o03, o04, o05, o06, o07;
    long o10, o11, o12, o13, o14, o15, o16, o17;
}

/**
 * The hot fields of a {@link Stripe}: its magazine top and counters, written by the owner only.
 */
abstract class StripeFields extends StripeOwnerPad {
    /** Magazine elements below this index may hold slots; owner-only, plain. */
    int top;
    /**
     * Counters: written by the owner with opaque stores, read by {@code stats()} with opaque
     * loads. Acquisitions include misses; hits are the difference.
     */
    long acquired;
    long misses;
    long released;
    long refusals;
    /**
     * Acquisitions this stripe may still make without summing the pool, valid only while
     * {@link #allowanceEpoch} equals the pool's epoch (see {@link Stripes} for why this keeps the
     * peak exact). Written by the owner with opaque stores (down on an acquisition, up on a
     * release); read by other stripes' owners with opaque loads when they grant themselves one.
     */
    long allowance;
    /** The pool epoch under which {@link #allowance} was granted; owner writes, others read, both opaque. */
    long allowanceEpoch;
    /**
     * The index of the slot the owner acquired last, so that releasing the object acquired last
     * (the common pattern) finds its slot without a table lookup. Owner-only, plain; an int, not
     * a reference, so that storing it costs no GC write barrier. The release compares the slot's
     * object, so a stale index only costs the table lookup.
     */
    int lastAcquired;
    /**
     * The slot that the element just below {@code top} refers to, or null when the magazine is
     * empty: a cache that spares the owner the index lookups of the common acquire-release cycle.
     * Owner-only, plain; written only when it changes (a reference store costs a GC barrier).
     */
    Slot<?> hot;
}

/**
 * One stripe of a pool: a magazine of up to {@link #SIZE} free slots in front of the shared queue,
 * owned by one platform thread, with that thread's counters. The magazine holds slot indices, not
 * references: the owner pushes and pops with plain accesses and no GC write barrier.
 *
 * <p>Who gets a slot is decided by the slot's state CAS alone ({@link Slot#claim()}), not by the
 * magazine: a thief (stealing when the pool is otherwise empty) reads elements and CASes the slot,
 * leaving the element in place; the owner pops an index and CASes the slot, skipping indices whose
 * slot someone else took. So the owner's only locked instruction per acquire is that CAS, and its
 * release needs none. Elements are hints, not ownership: any of them may refer to a slot that is
 * held (even the one just below {@code top}: see {@link #pop}) or referred to from elsewhere too.
 * Thieves read every element, so a stale one can only lead them to a slot that is really free.
 * A stripe belongs to the pool, not the thread: if the owner dies, its slots stay reachable to
 * thieves and its counters stay in the sums, and a new platform thread can take the stripe over.
 */
final class Stripe extends StripeFields {
    static final int SIZE = 16;
    /** Unused elements at both ends of the magazine so neighbouring arrays never share a line. */
    private static final int PAD = 16;
    /** An element that never held an index. */
    private static final int EMPTY = -1;

    private static final VarHandle OWNER = FieldHandles.of(MethodHandles.lookup(), StripeOwner.class, "owner", Thread.class);
    private static final VarHandle COUNTER_ACQUIRED = FieldHandles.of(MethodHandles.lookup(), StripeFields.class, "acquired", long.class);
    private static final VarHandle COUNTER_MISSES = FieldHandles.of(MethodHandles.lookup(), StripeFields.class, "misses", long.class);
    private static final VarHandle COUNTER_RELEASED = FieldHandles.of(MethodHandles.lookup(), StripeFields.class, "released", long.class);
    private static final VarHandle COUNTER_REFUSALS = FieldHandles.of(MethodHandles.lookup(), StripeFields.class, "refusals", long.class);
    private static final VarHandle ALLOWANCE = FieldHandles.of(MethodHandles.lookup(), StripeFields.class, "allowance", long.class);
    private static final VarHandle ALLOWANCE_EPOCH =
            FieldHandles.of(MethodHandles.lookup(), StripeFields.class, "allowanceEpoch", long.class);
    private static final VarHandle ELEMENTS = MethodHandles.arrayElementVarHandle(int[].class);

    /**
     * Slot indices; elements PAD..PAD+SIZE-1 are used. Written by the owner only (release store,
     * which orders the releaser's free store of the slot before it; plain on x86), read by the
     * owner plain and by thieves with acquire loads.
     */
    private final int[] magazine = new int[SIZE + 2 * PAD];
    long q00, q01, q02, q03, q04, q05, q06, q07;
    long q10, q11, q12, q13, q14, q15, q16, q17;

    Stripe() {
        java.util.Arrays.fill(magazine, EMPTY);
        lastAcquired = EMPTY;
    }

    Thread ownerAcquire() {
        return (Thread) OWNER.getAcquire(this);
    }

    /** Takes this stripe for {@code claimer} if it has no owner or a dead one. */
    boolean claim(Thread claimer) {
        Thread current = ownerAcquire();
        if (current == null || !current.isAlive()) {
            return OWNER.compareAndSet(this, current, claimer);
        }
        return false;
    }

    /**
     * Owner only: the most recently pushed slot that can be claimed, claimed (LEASED); null when
     * none. Its element stays below {@code top} as a hint: if the owner releases the same slot
     * next, {@link #push} finds it there and writes nothing (the common acquire-release cycle
     * then stores nothing to the magazine). Elements above it, whose slots others hold, are
     * dropped; those slots are pushed again when released.
     */
    @SuppressWarnings("unchecked")
    <T> Slot<T> pop(Slot<?>[] slots) {
        Slot<?> first = hot;
        if (first != null && first.claim()) {
            return (Slot<T>) first;
        }
        int[] elements = magazine;
        for (int i = top - 1; i > 0; ) {
            i--;
            Slot<?> slot = slots[elements[PAD + i]];
            if (slot.claim()) {
                top = i + 1;
                hot = slot;
                return (Slot<T>) slot;
            }
        }
        top = 0;
        hot = null;
        return null;
    }

    /**
     * Owner only: makes the free {@code slot} findable from this magazine, if there is
     * room; true if it is. Nothing to write if the top element already refers to it (see
     * {@link #pop}): that element was pushed with a release store after the slot was published,
     * and the slot's own free store orders this release's reset.
     */
    boolean push(Slot<?> slot) {
        if (hot == slot) {
            return true;
        }
        int at = top;
        if (at == SIZE) {
            return false;
        }
        ELEMENTS.setRelease(magazine, PAD + at, slot.index);
        top = at + 1;
        hot = slot;
        return true;
    }

    /** Any thread: claims one free slot this magazine refers to, if any. */
    @SuppressWarnings("unchecked")
    <T> Slot<T> steal(Slot<?>[] slots) {
        for (int i = PAD; i < PAD + SIZE; i++) {
            int index = (int) ELEMENTS.getAcquire(magazine, i);
            if (index != EMPTY) {
                Slot<?> slot = (Slot<?>) Growth.SLOTS.getAcquire(slots, index);
                if (slot != null && slot.claim()) {
                    return (Slot<T>) slot;
                }
            }
        }
        return null;
    }
    /** Owner only. */
    void countAcquired(boolean hit) {
        COUNTER_ACQUIRED.setOpaque(this, acquired + 1);
        if (!hit) {
            COUNTER_MISSES.setOpaque(this, misses + 1);
        }
    }

    /**
     * Owner only. A release also widens the allowance by one: the pool's in-use count fell by
     * one, so one more acquisition fits under the peak. If the allowance is void (an old epoch),
     * the increment is ignored with it.
     */
    void countReleased() {
        COUNTER_RELEASED.setOpaque(this, released + 1);
        ALLOWANCE.setOpaque(this, allowance + 1);
    }

    /** Owner only: takes one acquisition from a valid allowance; false if it is empty or void. */
    boolean useAllowance(long epoch) {
        long left = allowance;
        if (left > 0 && allowanceEpoch == epoch) {
            ALLOWANCE.setOpaque(this, left - 1);
            return true;
        }
        return false;
    }

    /** Owner only: a new allowance, granted under {@code epoch}. */
    void grantAllowance(long amount, long epoch) {
        ALLOWANCE.setOpaque(this, amount);
        ALLOWANCE_EPOCH.setOpaque(this, epoch);
    }

    /** Any thread: this stripe's allowance if it was granted under {@code epoch}, else 0 (void). */
    long allowanceUnder(long epoch) {
        return (long) ALLOWANCE_EPOCH.getOpaque(this) == epoch ? (long) ALLOWANCE.getOpaque(this) : 0;
    }

    void countRefusal() {
        COUNTER_REFUSALS.setOpaque(this, refusals + 1);
    }

    long acquiredOpaque() {
        return (long) COUNTER_ACQUIRED.getOpaque(this);
    }

    long missesOpaque() {
        return (long) COUNTER_MISSES.getOpaque(this);
    }

    long releasedOpaque() {
        return (long) COUNTER_RELEASED.getOpaque(this);
    }

    long refusalsOpaque() {
        return (long) COUNTER_REFUSALS.getOpaque(this);
    }
}

package pools.fixed;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;
import pools.api.spi.FieldHandles;

/**
 * A pool's fixed set of {@link Stripe}s, sized from the processor count (so the number of
 * magazines, and of objects they can hold, is bounded whatever the number of threads), plus the
 * counters of threads that have no stripe. A platform thread finds its stripe at its id modulo
 * the stripe count (ids are handed out in sequence, so threads started together, as a pool of
 * workers is, land on different stripes; a multiplicative hash put two threads on one stripe a
 * quarter of the time with four stripes, and cost a multiply on every call) and probes
 * {@link #PROBES} places; it claims a free one (or one whose owner died) on first use.
 * Virtual threads never own a stripe: they count in {@link Shared}, whose striped adders keep
 * even thousands of them off a single contended cache line.
 *
 * <p>The peak in use needs the sum of every stripe, which the hot path must not read. So the
 * headroom under the peak (peak minus objects in use) is handed out to stripes as allowances: an
 * owner acquires without summing while its allowance lasts, and a release widens the releasing
 * stripe's allowance by one. The allowances valid at any moment add up to at most the headroom,
 * so an acquisition made within one cannot pass the peak. An owner whose allowance is empty sums
 * every stripe, raises the peak if it was passed, and grants itself the headroom that other valid
 * allowances leave; if they already promise more than there is (another thread used headroom
 * meanwhile: it acquired without a stripe, or took what a release gave back to its own
 * stripe), it voids every allowance at once by advancing {@link #epoch}, and takes the whole
 * headroom. A thread without a stripe checks the same way on each acquisition. So the peak is
 * exact whenever threads take turns (each step done before the next starts), as for one thread;
 * under concurrency, an allowance read while its owner changes it can let a peak that lasted only
 * that long be missed. {@link #totals()} raises the peak to the current in-use count, so it is
 * never below it.
 *
 * <p>Every count is monotonic. An acquisition is counted once its slot is claimed; a release
 * once its object is reset, just before the slot becomes claimable (a stale reference may claim
 * it at once), so each object's acquisitions and releases are counted in the order they happen
 * and a sum never counts an object as held twice. Sums read every
 * acquisition counter first and every release counter second, so a sum taken under concurrency
 * can only under-count the objects held, never over-count them (an object released and acquired
 * again between the two reads is counted as released, not as held twice); and two equal sums
 * taken one after the other prove that nothing was acquired or released in between (a
 * double collect), which {@link FixedPool} uses to decide exhaustion at one instant.
 */
final class Stripes {
    private static final int PROBES = 2;
    private static final VarHandle PEAK = FieldHandles.of(MethodHandles.lookup(), Stripes.class, "peak", long.class);
    private static final VarHandle EPOCH = FieldHandles.of(MethodHandles.lookup(), Stripes.class, "epoch", long.class);

    private final Shared shared = new Shared();
    private final Stripe[] stripes;
    private final int mask;
    /** The pool's capacity now; bounds the peak, since a sum under concurrency is not one instant. */
    private final IntSupplier capacity;
    /** The highest in-use count seen; raised by CAS from any thread, read volatile. */
    private volatile long peak;
    /**
     * Allowances granted under another epoch are void. Advanced (atomic add) by a thread that
     * finds the valid allowances promising more than the headroom, which is rare once the peak is
     * reached; read volatile by every acquisition that uses an allowance and by every grant.
     */
    private volatile long epoch;

    Stripes(IntSupplier capacity) {
        this.capacity = capacity;
        int wanted = Math.clamp(2L * Runtime.getRuntime().availableProcessors(), 2, 64);
        int count = Integer.highestOneBit(wanted - 1) << 1;
        stripes = new Stripe[count];
        for (int i = 0; i < count; i++) {
            stripes[i] = new Stripe();
        }
        mask = count - 1;
    }

    /** {@code thread}'s stripe, claiming one if it has none; null for virtual threads and when all probed stripes are taken. */
    Stripe of(Thread thread) {
        int hash = hash(thread.threadId());
        Stripe first = stripes[hash & mask];
        if (first.ownerAcquire() == thread) {
            return first;
        }
        return thread.isVirtual() ? null : findOrClaim(thread, hash);
    }

    private Stripe findOrClaim(Thread thread, int hash) {
        for (int probe = 1; probe < PROBES; probe++) {
            Stripe stripe = stripes[(hash + probe) & mask];
            if (stripe.ownerAcquire() == thread) {
                return stripe;
            }
        }
        for (int probe = 0; probe < PROBES; probe++) {
            Stripe stripe = stripes[(hash + probe) & mask];
            if (stripe.claim(thread)) {
                return stripe;
            }
        }
        return null;
    }

    /** Claims a free slot from any stripe's magazine (the pool is otherwise empty). */
    <T> Slot<T> steal(Slot<?>[] slots) {
        for (Stripe stripe : stripes) {
            Slot<T> slot = stripe.steal(slots);
            if (slot != null) {
                return slot;
            }
        }
        return null;
    }

    /** Counts an acquisition by {@code stripe}'s owner (null: a thread without a stripe) and keeps the peak. */
    void countAcquired(Stripe stripe, boolean hit) {
        if (stripe == null) {
            (hit ? shared.hits : shared.misses).increment();
            headroomAfterSum(null);
            return;
        }
        stripe.countAcquired(hit);
        if (!stripe.useAllowance(epoch)) {
            long granted = epoch;
            long headroom = headroomAfterSum(stripe);
            if (headroom < 0) {
                granted = (long) EPOCH.getAndAdd(this, 1L) + 1;
                headroom = peak - inUse();
            }
            stripe.grantAllowance(Math.max(0, headroom), granted);
        }
    }

    /**
     * Sums the pool, raises the peak to its in-use count, and returns the headroom left once
     * every valid allowance but {@code self}'s is subtracted; below 0 means they promise more than
     * there is. The epoch is read before the allowances, so an allowance voided meanwhile counts
     * (the headroom is under-estimated, never over).
     */
    private long headroomAfterSum(Stripe self) {
        long current = epoch;
        long inUse = inUse();
        long headroom = raisePeak(inUse) - inUse;
        for (Stripe stripe : stripes) {
            if (stripe != self) {
                headroom -= stripe.allowanceUnder(current);
            }
        }
        if (self == null && headroom < 0) {
            EPOCH.getAndAdd(this, 1L);
        }
        return headroom;
    }

    void countReleased(Stripe stripe) {
        if (stripe == null) {
            shared.released.increment();
        } else {
            stripe.countReleased();
        }
    }

    void countRefusal(Stripe stripe) {
        if (stripe == null) {
            shared.refusals.increment();
        } else {
            stripe.countRefusal();
        }
    }

    /** Raises the peak to {@code inUse} (bounded by the capacity) if higher; returns the peak. */
    private long raisePeak(long inUse) {
        long seen = peak;
        if (inUse <= seen) {
            return seen;
        }
        inUse = Math.min(inUse, capacity.getAsInt());
        while (inUse > seen) {
            if (PEAK.compareAndSet(this, seen, inUse)) {
                return inUse;
            }
            seen = peak;
        }
        return seen;
    }

    /** Objects held: acquisitions minus releases, under concurrency an under-count (see above), never below 0. */
    long inUse() {
        long acquired = acquiredSum();
        return Math.max(0, acquired - releasedSum());
    }

    /** Every acquisition counted so far, hits and misses. */
    long acquiredSum() {
        long acquired = shared.hits.sum() + shared.misses.sum();
        for (Stripe stripe : stripes) {
            acquired += stripe.acquiredOpaque();
        }
        return acquired;
    }

    /** Every release counted so far. */
    long releasedSum() {
        long released = shared.released.sum();
        for (Stripe stripe : stripes) {
            released += stripe.releasedOpaque();
        }
        return released;
    }

    /** The counters at about one moment, keeping their invariants (see {@link pools.api.PoolStats}). */
    Totals totals() {
        long misses = shared.misses.sum();
        long hits = shared.hits.sum();
        long refusals = shared.refusals.sum();
        for (Stripe stripe : stripes) {
            long stripeMisses = stripe.missesOpaque();
            hits += stripe.acquiredOpaque() - stripeMisses;
            misses += stripeMisses;
            refusals += stripe.refusalsOpaque();
        }
        long released = Math.min(releasedSum(), hits + misses);
        return new Totals(hits, misses, released, refusals, raisePeak(hits + misses - released));
    }

    private static int hash(long threadId) {
        return (int) threadId;
    }

    /** The stripe array, for the callers' inlined first probe (see {@link FixedPool}); never written. */
    Stripe[] table() {
        return stripes;
    }

    /** Sums of every counter at one moment; exact when no thread is acquiring or releasing. */
    record Totals(long hits, long misses, long released, long refusals, long peakInUse) { }

    /** Counters of threads without a stripe; LongAdder cells are striped by thread, so they do not contend. */
    private static final class Shared {
        final LongAdder hits = new LongAdder();
        final LongAdder misses = new LongAdder();
        final LongAdder released = new LongAdder();
        final LongAdder refusals = new LongAdder();
    }
}

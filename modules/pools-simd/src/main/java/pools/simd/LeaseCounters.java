package pools.simd;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;
import pools.api.PoolStats;

/**
 * The counters behind a {@link SlabEmbeddingPool}'s {@link PoolStats}: blocks held, their peak,
 * releases and refusals. Misses are not counted here: each miss claims the pool's next unused
 * block, so the pool's fresh cursor is the miss count. Hits are not counted either but derived
 * (acquisitions = held + freed = hits + misses), one atomic less on the hot path.
 */
final class LeaseCounters {
    /** Held blocks: incremented by acquire, decremented by release (atomic, exact at every moment). */
    private final AtomicLong inUse = new AtomicLong();
    /** Max of {@link #inUse}, raised by acquirers with a CAS only when they exceed it. */
    private final AtomicLong peak = new AtomicLong();
    /** Striped: added to by any thread, summed by {@link #stats} (exact when quiescent). */
    private final LongAdder freed = new LongAdder();
    private final LongAdder refusals = new LongAdder();

    void leased() {
        long held = inUse.incrementAndGet();
        if (held > peak.get()) {
            peak.accumulateAndGet(held, Math::max);
        }
    }

    void released() {
        freed.increment();
        inUse.decrementAndGet();
    }

    void refused() {
        refusals.increment();
    }

    /**
     * Exact when quiescent. {@code misses} must be read before this call: under concurrency the
     * reads are not one snapshot, and a miss whose cursor CAS was read but whose in-use increment
     * was not yet would make hits read one low, so a reading that would be negative is clamped to
     * zero. The peak is raised after the in-use count, so it is reported as at least the in-use count
     * the snapshot shows.
     * The capacity is read last: it only grows, so it is at least the in-use count read before it.
     * Every block carved from a slab counts as created: the slabs are the pool's objects; so do the
     * {@code trimmed} blocks of slabs given back. The caller reads with no trim in between, so
     * the capacity only grows during these reads.
     */
    PoolStats stats(String name, long misses, IntSupplier capacityNow, long maxCapacity, long blockBytes, long trimmed) {
        long held = inUse.get();
        long released = freed.sum();
        long capacity = capacityNow.getAsInt();
        long hits = Math.max(0, held + released - misses);
        long inUseAsReported = hits + misses - released;
        return new PoolStats(name, hits, misses, capacity + trimmed, released, Math.max(inUseAsReported, peak.get()),
                capacity, maxCapacity, refusals.sum(), blockBytes, trimmed);
    }
}

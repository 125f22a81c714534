package pools.api;

/**
 * A snapshot of one pool's counters, with the seed's derived rates. Every successful acquisition
 * is a hit (served from an object that was free) or a miss (the pool created the object for that
 * acquisition), so {@link #allocated()} is their sum; everything derived is computed, never
 * stored, so the figures cannot disagree.
 *
 * <p>Counting is per object, never per growth step: a growth step that creates 4 objects for one
 * acquisition counts 1 miss and 4 {@code created}, and the 3 pre-created objects count as hits
 * when they are acquired.
 *
 * <p>Every snapshot, taken under any concurrency, keeps these invariants: every counter is 0 or
 * more; {@code freed <= allocated}; {@code 0 <= inUse <= peakInUse <= maxCapacity};
 * {@code inUse <= capacity <= maxCapacity}. The counters are exact when no thread is acquiring or
 * releasing; under concurrency a snapshot may lag operations in flight, and {@code peakInUse}
 * may miss a peak that lasted only while other threads' counts were in flight.
 *
 * @param name           the pool's name
 * @param hits           successful acquisitions served by an object that was free in the pool
 * @param misses         successful acquisitions for which the pool created the object
 * @param created        objects the pool created (for itself or for an acquisition), kept or since dropped
 * @param freed          successful releases (an object given back, whether or not its reset then failed)
 * @param peakInUse      the most objects held by callers at any one time
 * @param capacity       objects the pool has created and still owns (free or in use), counting
 *                       those an acquisition is creating now
 * @param maxCapacity    the most objects the pool may own at once
 * @param refusals       calls that returned no object because the pool was exhausted: an empty
 *                       {@code tryAcquire}, or an {@code acquire} that timed out, was interrupted
 *                       while waiting, or met a budget refusal
 * @param bytesPerObject off-heap bytes per object where the pool knows them exactly, else 0
 * @param trimmed        objects given back because they stayed free longer than the pool's
 *                       {@link IdlePolicy} allows (for an embedding pool: the blocks of the slabs
 *                       it freed); they no longer count in {@code capacity}
 */
public record PoolStats(
        String name,
        long hits,
        long misses,
        long created,
        long freed,
        long peakInUse,
        long capacity,
        long maxCapacity,
        long refusals,
        long bytesPerObject,
        long trimmed) {

    /** A snapshot of a pool that never trimmed: {@code trimmed} is 0. */
    public PoolStats(String name, long hits, long misses, long created, long freed, long peakInUse, long capacity,
            long maxCapacity, long refusals, long bytesPerObject) {
        this(name, hits, misses, created, freed, peakInUse, capacity, maxCapacity, refusals, bytesPerObject, 0);
    }

    /** Successful acquisitions: the seed's {@code total_allocated}. */
    public long allocated() {
        return hits + misses;
    }

    /** Objects held by callers now: acquisitions minus releases. */
    public long inUse() {
        return allocated() - freed;
    }

    /** Objects the pool owns that nobody holds. */
    public long free() {
        return capacity - inUse();
    }

    /** The seed's utilization: in use over capacity (0 for an empty pool). */
    public double utilizationRate() {
        return capacity == 0 ? 0.0 : (double) inUse() / capacity;
    }

    /** The seed's efficiency: releases over acquisitions (0 before the first acquisition). */
    public double efficiencyRate() {
        long allocated = allocated();
        return allocated == 0 ? 0.0 : (double) freed / allocated;
    }

    /** Hits over acquisitions (0 before the first acquisition). */
    public double hitRate() {
        long allocated = allocated();
        return allocated == 0 ? 0.0 : (double) hits / allocated;
    }

    /** Off-heap bytes served again instead of allocated: hits times {@link #bytesPerObject()}. */
    public long reusedBytes() {
        return hits * bytesPerObject;
    }
}

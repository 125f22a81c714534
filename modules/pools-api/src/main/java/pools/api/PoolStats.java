package pools.api;

/**
 * A snapshot of one pool's counters, with the seed's derived rates. Every acquisition is a hit
 * (served from a free object) or a miss (the pool created one), so {@link #allocated()} is their
 * sum; everything derived is computed, never stored, so the figures cannot disagree.
 *
 * @param name           the pool's name
 * @param hits           acquisitions served by an object that was free in the pool
 * @param misses         acquisitions that made the pool create an object
 * @param freed          releases
 * @param peakInUse      the most objects held by callers at any one time
 * @param capacity       objects the pool has created and still owns (free or in use)
 * @param maxCapacity    the most objects the pool may create
 * @param refusals       acquisitions that failed because the pool was exhausted
 * @param bytesPerObject off-heap bytes per object where the pool knows them exactly, else 0
 */
public record PoolStats(
        String name,
        long hits,
        long misses,
        long freed,
        long peakInUse,
        long capacity,
        long maxCapacity,
        long refusals,
        long bytesPerObject) {

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

package pools.api;

/**
 * A snapshot of a {@link MemoryBudget}.
 *
 * @param limitBytes        the most that may be reserved at once
 * @param reservedBytes     reserved now
 * @param peakReservedBytes the most reserved at any one time
 * @param refusals          reservations refused because they would overrun the limit
 */
public record BudgetStats(long limitBytes, long reservedBytes, long peakReservedBytes, long refusals) {

    /** Bytes that can still be reserved. */
    public long availableBytes() {
        return limitBytes - reservedBytes;
    }
}

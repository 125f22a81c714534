package pools.api;

import pools.api.spi.PoolEvents;

/**
 * One account of off-heap bytes shared by every pool and arena of a system: nothing reserves
 * past its limit. Pools reserve before they allocate and release after they free, so
 * {@code reservedBytes() <= limitBytes()} holds at every moment.
 *
 * <p>Thread-safe and lock-free.
 */
public interface MemoryBudget {

    /** A budget of {@code limitBytes} that reports to nobody. */
    static MemoryBudget withLimit(long limitBytes) {
        return new AtomicMemoryBudget(limitBytes, PoolEvents.NONE);
    }

    /** The most that may be reserved at once. */
    long limitBytes();

    /** Reserved now. */
    long reservedBytes();

    /**
     * Reserves {@code bytes} for {@code requester} (named in the error).
     *
     * @throws BudgetExceededException if that would overrun the limit; nothing is reserved then
     * @throws IllegalArgumentException if {@code bytes} is negative
     */
    void reserve(long bytes, String requester);

    /**
     * Reserves {@code bytes} for {@code requester} if that stays within the limit; false, with
     * nothing reserved, if not. A refusal is counted and reported like one by {@link #reserve}.
     */
    boolean tryReserve(long bytes, String requester);

    /**
     * Gives back {@code bytes} reserved earlier.
     *
     * @throws IllegalStateException if that is more than is reserved; nothing changes then
     */
    void release(long bytes);

    /** A snapshot of the counters. */
    BudgetStats stats();
}

package pools.api;

import java.time.Duration;

/**
 * When a pool gives back capacity that nobody uses (the seed's planned "automatic pool sizing"):
 * free objects beyond {@code minCapacity} that stayed free for a whole {@code timeout} are
 * dropped, and the pool grows again on demand. An embedding pool gives back whole slabs: their
 * memory goes back to the operating system and their bytes to the budget.
 *
 * <p>Trimming never runs on the acquire or release path. A pool trims when
 * {@link ObjectPool#trimIdle()} is called (an {@link EmbeddingPool} is one): by the system's
 * housekeeper thread for pools it created (see {@link MemoryPoolSystem}), by the host for pools it
 * runs standalone. How "stayed free" is judged without touching the hot path: each call samples
 * the pool's free count, and a period's lowest sample is what was free throughout it (a dip
 * shorter than the gap between two calls can be missed, so call at least a few times per timeout).
 *
 * @param timeout     how long capacity must stay free before it is given back; {@link Duration#ZERO}
 *                    never gives any back
 * @param minCapacity the capacity the pool keeps however idle it is, 0 or more; -1 keeps the
 *                    pool's initial capacity
 */
public record IdlePolicy(Duration timeout, int minCapacity) {

    /** Keeps everything the pool ever grew to: the default. */
    public static final IdlePolicy KEEP = new IdlePolicy(Duration.ZERO, -1);

    /**
     * @throws InvalidConfigException if {@code timeout} is null or negative, or {@code minCapacity}
     *         is below -1
     */
    public IdlePolicy {
        if (timeout == null || timeout.isNegative()) {
            throw new InvalidConfigException("idle.timeout", timeout, "must be zero (never trim) or positive");
        }
        if (minCapacity < -1) {
            throw new InvalidConfigException("idle.minCapacity", minCapacity,
                    "must be 0 or more, or -1 for the pool's initial capacity");
        }
    }

    /** Gives back capacity above the initial capacity once it has been free for {@code timeout}. */
    public static IdlePolicy after(Duration timeout) {
        return new IdlePolicy(timeout, -1);
    }

    /** This policy, keeping at least {@code capacity} however idle the pool is. */
    public IdlePolicy keepingAtLeast(int capacity) {
        return new IdlePolicy(timeout, capacity);
    }

    /** Whether this policy ever gives capacity back. */
    public boolean trims() {
        return !timeout.isZero();
    }

    /** The capacity kept for a pool whose initial capacity is {@code initialCapacity}. */
    public int floor(int initialCapacity) {
        return minCapacity < 0 ? initialCapacity : minCapacity;
    }

    /** The timeout in nanoseconds, capped at Long.MAX_VALUE. */
    public long timeoutNanos() {
        return timeout.compareTo(Duration.ofNanos(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : timeout.toNanos();
    }
}

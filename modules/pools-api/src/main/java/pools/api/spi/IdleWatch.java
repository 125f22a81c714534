package pools.api.spi;

import pools.api.IdlePolicy;

/**
 * Judges how much of a pool stayed free for a whole idle timeout, from samples of its free count
 * taken by {@code trimIdle} calls, so that the acquire and release paths do no work for it. A
 * period starts at the first sample; the lowest free count sampled in it is the capacity that
 * stayed free throughout (a dip between two samples can be missed, which the caller's sampling
 * rate bounds). Once a period has lasted the timeout, {@link #sample} reports that lowest count
 * and a new period starts.
 *
 * <p>Thread-safe: calls are serialized on this object, so concurrent {@code trimIdle} calls agree.
 */
public final class IdleWatch {
    private final long timeoutNanos;
    /** Guarded by this object's monitor. */
    private boolean started;
    private long periodStart;
    private long lowestFree;

    /** A watch for {@code policy}'s timeout; with {@link IdlePolicy#KEEP} it never reports anything. */
    public IdleWatch(IdlePolicy policy) {
        this.timeoutNanos = policy.trims() ? policy.timeoutNanos() : Long.MAX_VALUE;
    }

    /**
     * Records that {@code free} objects (or blocks) were free at {@code nowNanos} ({@link System#nanoTime}
     * scale). Returns how many stayed free through a period of at least the timeout that this
     * sample ends, or 0 if no period ended; the next period starts now, counting those as gone.
     *
     * @throws IllegalArgumentException if {@code free} is negative
     */
    public synchronized long sample(long nowNanos, long free) {
        if (free < 0) {
            throw new IllegalArgumentException("free must be 0 or more, was " + free);
        }
        if (!started) {
            started = true;
            periodStart = nowNanos;
            lowestFree = free;
            return 0;
        }
        lowestFree = Math.min(lowestFree, free);
        if (timeoutNanos == Long.MAX_VALUE || nowNanos - periodStart < timeoutNanos) {
            return 0;
        }
        long idle = lowestFree;
        periodStart = nowNanos;
        lowestFree = free - idle;
        return idle;
    }
}

package pools.api;

import java.util.List;

/**
 * A lease acquired and not released, as leak detection saw it.
 *
 * @param pool           the pool it came from
 * @param description    what was leased (its class and identity hash)
 * @param acquiredNanos  {@link System#nanoTime()} at acquisition
 * @param threadName     the thread that acquired it
 * @param acquiredAt     the acquiring stack, outermost last; empty unless {@link LeakDetection#FULL}
 */
public record LeakReport(
        String pool, String description, long acquiredNanos, String threadName, List<StackTraceElement> acquiredAt) {

    public LeakReport {
        acquiredAt = List.copyOf(acquiredAt);
    }
}

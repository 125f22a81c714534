package pools.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import pools.api.LeakDetection;
import pools.api.LeakReport;

/**
 * Leases acquired and not yet released, keyed by identity (a pooled object's {@code equals} may
 * say two distinct leases are equal, e.g. two empty maps). In {@link LeakDetection#FULL} every
 * lease is tracked with its acquiring stack; in {@link LeakDetection#SAMPLED} one lease in
 * {@link #SAMPLE_ONE_IN} is, without a stack, so a report lists some of the leaks, never a
 * guess at the rest. Only called when leak detection is on, so its allocations (a key per
 * call) are not on the hot path of a system with detection off.
 *
 * <p>FULL mode captures the stack as a {@code Throwable} (the JVM records a compact backtrace)
 * and turns it into {@link StackTraceElement}s only when a lease is reported, which is the
 * rare case: most leases are released.
 */
final class LeakTracker {
    /** In SAMPLED mode, the chance of tracking a lease is 1 in this. */
    static final int SAMPLE_ONE_IN = 64;

    private final LeakDetection mode;
    /** Written by any acquiring/releasing thread, read by reporting threads: ConcurrentHashMap's happens-before. */
    private final ConcurrentHashMap<Key, Lease> outstanding = new ConcurrentHashMap<>();
    /** Orders leases acquired in the same nanosecond; incremented by acquiring threads. */
    private final AtomicLong sequence = new AtomicLong();

    LeakTracker(LeakDetection mode) {
        this.mode = mode;
    }

    /** Starts tracking {@code lease} from {@code pool} (or not, when off or not sampled). */
    void acquired(String pool, Object lease) {
        if (mode == LeakDetection.OFF
                || mode == LeakDetection.SAMPLED && ThreadLocalRandom.current().nextInt(SAMPLE_ONE_IN) != 0) {
            return;
        }
        Throwable stack = mode == LeakDetection.FULL ? new Throwable("acquired here") : null;
        outstanding.put(new Key(lease), new Lease(pool, lease, System.nanoTime(), sequence.getAndIncrement(),
                Thread.currentThread().getName(), stack));
    }

    /** Stops tracking {@code lease}; a lease that was never tracked (not sampled) is ignored. */
    void released(Object lease) {
        if (mode != LeakDetection.OFF) {
            outstanding.remove(new Key(lease));
        }
    }

    /** Outstanding leases, oldest first. */
    List<Lease> outstanding() {
        List<Lease> leases = new ArrayList<>(outstanding.values());
        leases.sort(Comparator.<Lease>comparingLong(lease -> lease.acquiredNanos).thenComparingLong(lease -> lease.sequence));
        return leases;
    }

    /** Whether a frame belongs to analytics' own recording of the lease (dropped from reports). */
    private static boolean ours(StackTraceElement frame) {
        String name = frame.getClassName();
        return name.equals(LeakTracker.class.getName()) || name.equals(AnalyticsEvents.class.getName());
    }

    /** A tracked lease: what a {@link LeakReport} says about it, and whether one was already reported. */
    static final class Lease {
        private final String pool;
        private final String type;
        private final int identity;
        private final long acquiredNanos;
        private final long sequence;
        private final String threadName;
        /** The acquiring stack (FULL mode) or null; read only to build the report. */
        private final Throwable stack;
        /** Built by the first report(); volatile for safe publication. Threads racing to build it build equal reports, so either may win. */
        private volatile LeakReport report;
        /** Set once by the first thread that reports this lease (CAS), so it is reported once. */
        private final AtomicBoolean reported = new AtomicBoolean();

        private Lease(String pool, Object lease, long acquiredNanos, long sequence, String threadName, Throwable stack) {
            this.pool = pool;
            this.type = lease.getClass().getName();
            this.identity = System.identityHashCode(lease);
            this.acquiredNanos = acquiredNanos;
            this.sequence = sequence;
            this.threadName = threadName;
            this.stack = stack;
        }

        LeakReport report() {
            LeakReport built = report;
            if (built == null) {
                List<StackTraceElement> frames = stack == null ? List.of()
                        : Arrays.stream(stack.getStackTrace()).dropWhile(LeakTracker::ours).toList();
                built = new LeakReport(pool, type + "@" + Integer.toHexString(identity), acquiredNanos, threadName, frames);
                report = built;
            }
            return built;
        }

        /** True for the first caller only: that caller emits the leak's JFR event. */
        boolean firstReport() {
            return reported.compareAndSet(false, true);
        }
    }

    /** Identity of a lease: equal only to a key of the same object. */
    private record Key(Object lease) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.lease == lease;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(lease);
        }
    }
}

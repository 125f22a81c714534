package pools.analytics;

import java.lang.StackWalker.StackFrame;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicBoolean;
import pools.api.LeakDetection;
import pools.api.LeakReport;

/**
 * Leases acquired and not yet released, keyed by identity (a pooled object's {@code equals} may
 * say two distinct leases are equal, e.g. two empty maps). In {@link LeakDetection#FULL} every
 * lease is tracked with its acquiring stack; in {@link LeakDetection#SAMPLED} one lease in
 * {@link #SAMPLE_ONE_IN} is, without a stack, so a report lists some of the leaks, never a
 * guess at the rest. Only called when leak detection is on, so its allocations (a key per
 * call) are not on the hot path of a system with detection off.
 */
final class LeakTracker {
    /** In SAMPLED mode, the chance of tracking a lease is 1 in this. */
    static final int SAMPLE_ONE_IN = 64;

    /** Frames of this class and the event sink are not the caller's: dropped from stacks. */
    private static final StackWalker WALKER = StackWalker.getInstance();

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
        List<StackTraceElement> stack = mode == LeakDetection.FULL ? callerStack() : List.of();
        String description = lease.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(lease));
        Lease tracked = new Lease(new LeakReport(pool, description, System.nanoTime(),
                Thread.currentThread().getName(), stack), sequence.getAndIncrement());
        outstanding.put(new Key(lease), tracked);
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
        leases.sort(Comparator.<Lease>comparingLong(lease -> lease.report.acquiredNanos())
                .thenComparingLong(lease -> lease.sequence));
        return leases;
    }

    private static List<StackTraceElement> callerStack() {
        return WALKER.walk(frames -> frames
                .dropWhile(LeakTracker::ours)
                .map(StackFrame::toStackTraceElement)
                .toList());
    }

    private static boolean ours(StackFrame frame) {
        String name = frame.getClassName();
        return name.equals(LeakTracker.class.getName()) || name.equals(AnalyticsEvents.class.getName());
    }

    /** A tracked lease: what a {@link LeakReport} says about it, and whether one was already reported. */
    static final class Lease {
        private final LeakReport report;
        private final long sequence;
        /** Set once by the first thread that reports this lease (CAS), so it is reported once. */
        private final AtomicBoolean reported = new AtomicBoolean();

        private Lease(LeakReport report, long sequence) {
            this.report = report;
            this.sequence = sequence;
        }

        LeakReport report() {
            return report;
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

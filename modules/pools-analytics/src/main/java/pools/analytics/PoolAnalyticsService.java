package pools.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import pools.api.LeakReport;
import pools.api.ObjectPool;
import pools.api.PoolAnalytics;
import pools.api.PoolConfig;
import pools.api.spi.AnalyticsService;
import pools.api.spi.PoolEvents;

/**
 * Analytics for one system. Its id (1, 2, ... per JVM) tells systems apart in JFR events and
 * JMX names. Thread-safe; {@link #close()} is idempotent.
 */
final class PoolAnalyticsService implements AnalyticsService {
    /** Ids handed out in this JVM; incremented by each new service. */
    private static final AtomicLong NEXT_ID = new AtomicLong(1);

    private final long id;
    private final LeakTracker leaks;
    private final AnalyticsEvents events;
    private final MBeans mbeans;
    /** Written once by attach(), read by JMX threads and registerMBeans(): volatile for safe publication. */
    private volatile Supplier<PoolAnalytics> snapshots;
    /** Written once by attach(), read by registerMBeans(): volatile for safe publication. */
    private volatile List<ObjectPool<?>> pools = List.of();
    /** Written once by attach(), read by close() (which may run on another thread): volatile. */
    private volatile PeriodicStatistics periodic;
    /** Flipped once by the first close(); later calls see it set (CAS) and return. */
    private final AtomicBoolean closed = new AtomicBoolean();

    PoolAnalyticsService(PoolConfig config) {
        this.id = NEXT_ID.getAndIncrement();
        this.leaks = new LeakTracker(config.safetyChecks().leakDetection());
        this.events = new AnalyticsEvents(id, leaks);
        this.mbeans = new MBeans(id, this);
    }

    /** This system's id in JFR events and JMX names. */
    long id() {
        return id;
    }

    @Override
    public PoolEvents events() {
        return events;
    }

    @Override
    public synchronized void attach(Supplier<PoolAnalytics> snapshots, List<ObjectPool<?>> pools) {
        Objects.requireNonNull(snapshots, "snapshots");
        Objects.requireNonNull(pools, "pools");
        if (this.snapshots != null) {
            throw new IllegalStateException("analytics service " + id + " is already attached to a system; create one service per system");
        }
        this.pools = pools;
        this.snapshots = snapshots;
        if (!closed.get()) {
            periodic = PeriodicStatistics.add(id, snapshots);
        }
    }

    /** A fresh snapshot of the attached system. */
    PoolAnalytics snapshot() {
        Supplier<PoolAnalytics> source = snapshots;
        if (source == null) {
            throw new IllegalStateException("analytics service " + id + " is not attached to a system yet");
        }
        return source.get();
    }

    @Override
    public String toJson(PoolAnalytics snapshot) {
        return JsonReport.render(Objects.requireNonNull(snapshot, "snapshot"));
    }

    @Override
    public List<LeakReport> leaks() {
        List<LeakTracker.Lease> outstanding = leaks.outstanding();
        List<LeakReport> reports = new ArrayList<>(outstanding.size());
        long now = System.nanoTime();
        for (LeakTracker.Lease lease : outstanding) {
            reports.add(lease.report());
            LeakReportedEvent event = new LeakReportedEvent();
            if (event.shouldCommit() && lease.firstReport()) {
                LeakReport report = lease.report();
                event.system = id;
                event.pool = report.pool();
                event.lease = report.description();
                event.acquiringThread = report.threadName();
                event.age = now - report.acquiredNanos();
                event.acquiredAt = stackText(report.acquiredAt());
                event.commit();
            }
        }
        return reports;
    }

    @Override
    public void registerMBeans() {
        if (closed.get()) {
            throw new IllegalStateException("analytics service " + id + " is closed; register beans of a live system");
        }
        snapshot(); // fails clearly if not attached yet
        mbeans.register(pools);
    }

    @Override
    public synchronized void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (periodic != null) {
            periodic.remove();
        }
        mbeans.unregister();
        leaks();
    }

    private static String stackText(List<StackTraceElement> stack) {
        StringBuilder text = new StringBuilder();
        for (StackTraceElement frame : stack) {
            text.append(frame).append('\n');
        }
        return text.toString();
    }
}

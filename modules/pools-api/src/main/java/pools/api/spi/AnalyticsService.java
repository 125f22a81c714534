package pools.api.spi;

import java.util.List;
import java.util.function.Supplier;
import pools.api.LeakReport;
import pools.api.ObjectPool;
import pools.api.PoolAnalytics;

/**
 * Analytics for one system: the event sink its pools report to, the JSON report, JFR periodic
 * events and JMX beans over its snapshots, and leak tracking. Created before the pools so that
 * {@link #events()} sees them from the start.
 */
public interface AnalyticsService extends AutoCloseable {

    /** The sink the system's pools and budget report to. */
    PoolEvents events();

    /**
     * Gives the service the system's whole snapshots (for the JSON report, periodic JFR events and
     * the system MXBean) and its live list of pools (so that one pool's MXBean reads that pool's
     * stats alone); called once.
     *
     * @param pools an unmodifiable live view that sees pools created later
     * @throws IllegalStateException if this service is already attached
     */
    void attach(Supplier<PoolAnalytics> snapshots, List<ObjectPool<?>> pools);

    /** The snapshot as a JSON document (field names documented in docs/). */
    String toJson(PoolAnalytics snapshot);

    /** Leases acquired and not yet released, oldest first; empty when leak detection is off. */
    List<LeakReport> leaks();

    /** Registers the system's MXBeans with the platform MBean server; undone by {@link #close()}. */
    void registerMBeans();

    /** Unregisters beans and stops periodic events. Idempotent. */
    @Override
    void close();
}

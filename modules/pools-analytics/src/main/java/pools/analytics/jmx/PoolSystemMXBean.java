package pools.analytics.jmx;

import java.util.List;
import java.util.Map;

/**
 * One {@code MemoryPoolSystem}, as JMX shows it: {@code io.agrama.pools:type=PoolSystem,system=<id>}.
 * Attributes come from a fresh snapshot; arena attributes are -1 when no arena provider is present.
 */
public interface PoolSystemMXBean {
    /** The system's id, as in its ObjectNames and JFR events. */
    long getId();

    /** Every pool's name, in creation order. */
    List<String> getPoolNames();

    /** The provider chosen for each capability present, by capability name. */
    Map<String, String> getProviders();

    long getBudgetLimitBytes();

    long getBudgetReservedBytes();

    long getBudgetPeakReservedBytes();

    long getBudgetAvailableBytes();

    long getBudgetRefusals();

    long getActiveArenas();

    long getPooledArenas();

    long getArenaAcquisitions();

    long getArenaReservedBytes();

    /** Pages held by active arenas; -1 without an arena provider. */
    long getArenaPagesInUse();

    /** Pages kept for reuse, in the page pool or by closed arenas; -1 without an arena provider. */
    long getArenaIdlePages();

    /** Requests larger than the largest page, served on their own; -1 without an arena provider. */
    long getArenaOversizeAllocations();

    /** The {@code ArenaMode} constant, such as {@code CHECKED_POOLED}; "none" without an arena provider. */
    String getArenaMode();

    /**
     * The arena mode in words ({@code modeDescription} in the report): checked or not, pooled or
     * not, and the JVM flag that would change it; "no arena provider" without one.
     */
    String getArenaSafety();

    /** Acquisitions served by a free object, over every pool. */
    long getAllocationsSaved();

    /** Off-heap bytes served again instead of allocated, over every pool. */
    long getMemoryReusedBytes();

    /** Discovered providers that failed to load and were skipped, as {@code CAPABILITY: error}; usually empty. */
    List<String> getProviderFailures();

    /** Tracked leases not released; 0 when leak detection is off. */
    int getLeakCount();

    /** The whole snapshot as the JSON report. */
    String getReport();
}

package pools.analytics;

import java.util.function.Supplier;
import jdk.jfr.FlightRecorder;
import pools.api.ArenaStats;
import pools.api.PoolAnalytics;
import pools.api.PoolStats;

/**
 * The periodic JFR hooks of one system: while a recording enables {@code agrama.PoolStatistics}
 * (or {@code agrama.PoolSystemStatistics}), JFR calls its hook on JFR's own thread once per
 * period, and it emits one event per pool (or one for the system) from a fresh snapshot. JFR
 * takes a hook for one event class only, hence two. Added on attach and removed on close, so a
 * closed system stops reporting.
 */
final class PeriodicStatistics {
    private final long system;
    private final Supplier<PoolAnalytics> snapshots;
    private final Runnable poolHook = this::emitPools;
    private final Runnable systemHook = this::emitSystem;

    private PeriodicStatistics(long system, Supplier<PoolAnalytics> snapshots) {
        this.system = system;
        this.snapshots = snapshots;
    }

    /** Adds the hooks for both periodic events; {@link #remove()} undoes it. */
    static PeriodicStatistics add(long system, Supplier<PoolAnalytics> snapshots) {
        PeriodicStatistics hooks = new PeriodicStatistics(system, snapshots);
        FlightRecorder.addPeriodicEvent(PoolStatisticsEvent.class, hooks.poolHook);
        FlightRecorder.addPeriodicEvent(SystemStatisticsEvent.class, hooks.systemHook);
        return hooks;
    }

    void remove() {
        FlightRecorder.removePeriodicEvent(poolHook);
        FlightRecorder.removePeriodicEvent(systemHook);
    }

    private void emitPools() {
        PoolAnalytics snapshot = snapshots.get();
        for (PoolStats pool : snapshot.pools()) {
            PoolStatisticsEvent event = new PoolStatisticsEvent();
            if (!event.shouldCommit()) {
                break;
            }
            event.system = system;
            event.pool = pool.name();
            event.hits = pool.hits();
            event.misses = pool.misses();
            event.created = pool.created();
            event.allocated = pool.allocated();
            event.freed = pool.freed();
            event.trimmed = pool.trimmed();
            event.inUse = pool.inUse();
            event.free = pool.free();
            event.peakInUse = pool.peakInUse();
            event.capacity = pool.capacity();
            event.maxCapacity = pool.maxCapacity();
            event.refusals = pool.refusals();
            event.hitRate = pool.hitRate();
            event.utilizationRate = pool.utilizationRate();
            event.efficiencyRate = pool.efficiencyRate();
            event.bytesPerObject = pool.bytesPerObject();
            event.reusedBytes = pool.reusedBytes();
            event.commit();
        }
    }

    private void emitSystem() {
        SystemStatisticsEvent event = new SystemStatisticsEvent();
        if (event.shouldCommit()) {
            PoolAnalytics snapshot = snapshots.get();
            ArenaStats arenas = snapshot.arenas();
            event.system = system;
            event.budgetLimitBytes = snapshot.budget().limitBytes();
            event.budgetReservedBytes = snapshot.budget().reservedBytes();
            event.budgetPeakReservedBytes = snapshot.budget().peakReservedBytes();
            event.budgetAvailableBytes = snapshot.budget().availableBytes();
            event.budgetRefusals = snapshot.budget().refusals();
            event.activeArenas = SystemBean.arenaFigure(arenas, ArenaStats::activeArenas);
            event.pooledArenas = SystemBean.arenaFigure(arenas, ArenaStats::pooledArenas);
            event.arenaAcquisitions = SystemBean.arenaFigure(arenas, ArenaStats::acquisitions);
            event.arenaPagesInUse = SystemBean.arenaFigure(arenas, ArenaStats::pagesInUse);
            event.arenaIdlePages = SystemBean.arenaFigure(arenas, ArenaStats::idlePages);
            event.arenaReservedBytes = SystemBean.arenaFigure(arenas, ArenaStats::reservedBytes);
            event.arenaOversizeAllocations = SystemBean.arenaFigure(arenas, ArenaStats::oversizeAllocations);
            event.arenaMode = arenas == null ? SystemBean.NO_ARENA_MODE : arenas.mode().name();
            event.arenaSafety = arenas == null ? SystemBean.NO_ARENAS : arenas.modeDescription();
            event.allocationsSaved = snapshot.allocationsSaved();
            event.memoryReusedBytes = snapshot.memoryReusedBytes();
            event.leaks = snapshot.leaks().size();
            event.commit();
        }
    }
}

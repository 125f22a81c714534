package pools.analytics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import pools.analytics.jmx.PoolSystemMXBean;
import pools.api.ArenaStats;
import pools.api.Capability;
import pools.api.PoolStats;
import pools.api.ProviderFailure;

/** The {@link PoolSystemMXBean} of one system: every getter reads a fresh snapshot. */
final class SystemBean implements PoolSystemMXBean {
    /** What the arena-safety attribute and event field say when no arena provider is present. */
    static final String NO_ARENAS = "no arena provider";
    /** {@link #getArenaMode()} without an arena provider. */
    static final String NO_ARENA_MODE = "none";

    private final PoolAnalyticsService service;

    SystemBean(PoolAnalyticsService service) {
        this.service = service;
    }

    @Override
    public long getId() {
        return service.id();
    }

    @Override
    public List<String> getPoolNames() {
        return service.snapshot().pools().stream().map(PoolStats::name).toList();
    }

    @Override
    public Map<String, String> getProviders() {
        Map<Capability, String> chosen = service.snapshot().providers();
        Map<String, String> names = new LinkedHashMap<>();
        for (Capability capability : Capability.values()) {
            if (chosen.containsKey(capability)) {
                names.put(capability.name(), chosen.get(capability));
            }
        }
        return names;
    }

    @Override
    public long getBudgetLimitBytes() {
        return service.snapshot().budget().limitBytes();
    }

    @Override
    public long getBudgetReservedBytes() {
        return service.snapshot().budget().reservedBytes();
    }

    @Override
    public long getBudgetPeakReservedBytes() {
        return service.snapshot().budget().peakReservedBytes();
    }

    @Override
    public long getBudgetAvailableBytes() {
        return service.snapshot().budget().availableBytes();
    }

    @Override
    public long getBudgetRefusals() {
        return service.snapshot().budget().refusals();
    }

    @Override
    public long getActiveArenas() {
        return arenaFigure(service.snapshot().arenas(), ArenaStats::activeArenas);
    }

    @Override
    public long getPooledArenas() {
        return arenaFigure(service.snapshot().arenas(), ArenaStats::pooledArenas);
    }

    @Override
    public long getArenaAcquisitions() {
        return arenaFigure(service.snapshot().arenas(), ArenaStats::acquisitions);
    }

    @Override
    public long getArenaReservedBytes() {
        return arenaFigure(service.snapshot().arenas(), ArenaStats::reservedBytes);
    }

    @Override
    public long getArenaPagesInUse() {
        return arenaFigure(service.snapshot().arenas(), ArenaStats::pagesInUse);
    }

    @Override
    public long getArenaIdlePages() {
        return arenaFigure(service.snapshot().arenas(), ArenaStats::idlePages);
    }

    @Override
    public long getArenaOversizeAllocations() {
        return arenaFigure(service.snapshot().arenas(), ArenaStats::oversizeAllocations);
    }

    @Override
    public String getArenaMode() {
        ArenaStats arenas = service.snapshot().arenas();
        return arenas == null ? NO_ARENA_MODE : arenas.mode().name();
    }

    @Override
    public String getArenaSafety() {
        ArenaStats arenas = service.snapshot().arenas();
        return arenas == null ? NO_ARENAS : arenas.modeDescription();
    }

    /** {@code figure} of {@code arenas}, or -1 for a system without an arena provider (null). */
    static long arenaFigure(ArenaStats arenas, ToLongFunction<ArenaStats> figure) {
        return arenas == null ? -1 : figure.applyAsLong(arenas);
    }

    @Override
    public long getAllocationsSaved() {
        return service.snapshot().allocationsSaved();
    }

    @Override
    public long getMemoryReusedBytes() {
        return service.snapshot().memoryReusedBytes();
    }

    @Override
    public List<String> getProviderFailures() {
        return service.snapshot().providerFailures().stream().map(ProviderFailure::toString).toList();
    }

    @Override
    public int getLeakCount() {
        return service.snapshot().leaks().size();
    }

    @Override
    public String getReport() {
        return service.toJson(service.snapshot());
    }
}

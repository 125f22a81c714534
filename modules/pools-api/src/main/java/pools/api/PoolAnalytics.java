package pools.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of a whole {@link MemoryPoolSystem}: the seed's MemoryPoolAnalytics, with every
 * figure counted rather than estimated.
 *
 * @param takenAt   when the snapshot was taken
 * @param config    the system's config
 * @param providers the provider chosen for each capability present
 * @param pools     every object and embedding pool, built-in and host-created, in creation order
 * @param arenas    the arena manager's counters, or null when no arena provider is present
 * @param budget    the shared memory budget
 * @param leaks     leases never released, when leak detection is on; else empty
 * @param providerFailures discovered providers that failed to load and were skipped; usually empty
 */
public record PoolAnalytics(
        Instant takenAt,
        PoolConfig config,
        Map<Capability, String> providers,
        List<PoolStats> pools,
        ArenaStats arenas,
        BudgetStats budget,
        List<LeakReport> leaks,
        List<ProviderFailure> providerFailures) {

    public PoolAnalytics {
        providers = Map.copyOf(providers);
        pools = List.copyOf(pools);
        leaks = List.copyOf(leaks);
        providerFailures = List.copyOf(providerFailures);
    }

    /** A snapshot in which every provider loaded. */
    public PoolAnalytics(Instant takenAt, PoolConfig config, Map<Capability, String> providers, List<PoolStats> pools,
                         ArenaStats arenas, BudgetStats budget, List<LeakReport> leaks) {
        this(takenAt, config, providers, pools, arenas, budget, leaks, List.of());
    }

    /** Acquisitions served from a free object instead of a new one: the seed's total_allocations_saved. */
    public long allocationsSaved() {
        return pools.stream().mapToLong(PoolStats::hits).sum();
    }

    /** Off-heap bytes served again instead of allocated, where pools know their object size. */
    public long memoryReusedBytes() {
        return pools.stream().mapToLong(PoolStats::reusedBytes).sum();
    }

    /** The stats of the pool named {@code name}, or null. */
    public PoolStats pool(String name) {
        return pools.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }
}

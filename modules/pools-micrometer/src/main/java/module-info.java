/**
 * Micrometer meters for Agrama Pools: {@link pools.micrometer.PoolSystemMetrics}, a
 * {@code MeterBinder} that registers a {@code MemoryPoolSystem}'s pools, budget and arenas as
 * gauges and function counters, the way HikariCP and Caffeine expose their pools and caches.
 *
 * <p>Optional: a host that uses Micrometer adds this module; no other module of Agrama Pools
 * depends on it. It reads the system through {@code pools.api} only, so it works with any
 * providers.
 */
// Micrometer's jars carry no module-info (micrometer.core is an automatic module): the
// requires-automatic warnings are about their packaging, not about anything we can change.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module pools.micrometer {
    requires transitive pools.api;
    requires transitive micrometer.core;

    exports pools.micrometer;
}

/**
 * The seed database's own pooled types, apart from the generic vocabulary of {@code pools.api}:
 * the graph node and the search result its hot path reuses, and {@link pools.api.seed.SeedPools},
 * the specs from which {@link pools.api.MemoryPoolSystem} assembles that database's four object
 * pools (nodes, search results, JSON objects and arrays). Nothing in {@code pools.api} or
 * {@code pools.api.spi} but the facade refers to this package, and no provider does.
 */
package pools.api.seed;

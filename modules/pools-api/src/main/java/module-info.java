/**
 * Agrama Pools' vocabulary: the pool, arena, budget and analytics types a host programs against,
 * the {@link pools.api.MemoryPoolSystem} facade, and the provider SPI in {@code pools.api.spi}.
 *
 * <p>Three packages, by who needs them: {@code pools.api} is the generic vocabulary every host
 * uses (object and embedding pools, arenas, budget, stats, config, one exception per misuse);
 * {@code pools.api.seed} holds the seed database's own pooled types (graph nodes, search results)
 * and the specs of its four object pools, which only that database needs; {@code pools.api.spi}
 * is for provider modules, and knows nothing of the seed's types.
 *
 * <p>A host {@code requires pools.api} and puts the provider modules it wants on the module path
 * ({@code pools.fixed}, {@code pools.simd}, {@code pools.arena}, {@code pools.analytics}); the
 * facade finds them with {@link java.util.ServiceLoader}. Nothing here depends on anything
 * outside the JDK.
 */
module pools.api {
    exports pools.api;
    exports pools.api.seed;
    exports pools.api.spi;

    uses pools.api.spi.ObjectPoolProvider;
    uses pools.api.spi.EmbeddingPoolProvider;
    uses pools.api.spi.VectorKernelsProvider;
    uses pools.api.spi.ArenaManagerProvider;
    uses pools.api.spi.AnalyticsProvider;
}

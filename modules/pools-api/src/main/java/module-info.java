/**
 * Agrama Pools' vocabulary: the pool, arena, budget and analytics types a host programs against,
 * the {@link pools.api.MemoryPoolSystem} facade, and the provider SPI in {@code pools.api.spi}.
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

/**
 * The built-in embedding pool and vector kernels: aligned float vectors carved from off-heap slabs
 * ({@code java.lang.foreign}), and dot / squared L2 / cosine / top-k kernels on the Vector API.
 *
 * <p>{@code jdk.incubator.vector} is an optional dependence: a host that launches with
 * {@code --add-modules jdk.incubator.vector} gets the "vector-api" kernels (and the JDK's one-line
 * incubator warning); a host that does not gets the "scalar" kernels and no warning.
 */
module pools.simd {
    requires pools.api;
    requires static jdk.incubator.vector;

    provides pools.api.spi.EmbeddingPoolProvider with pools.simd.SimdEmbeddingPoolProvider;
    provides pools.api.spi.VectorKernelsProvider
            with pools.simd.VectorApiKernelsProvider, pools.simd.ScalarKernelsProvider;
}

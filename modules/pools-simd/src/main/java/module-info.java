module pools.simd {
    requires pools.api;
    requires org.jctools.core;

    provides pools.api.spi.EmbeddingPoolProvider with pools.simd.SimdEmbeddingPoolProvider;
}

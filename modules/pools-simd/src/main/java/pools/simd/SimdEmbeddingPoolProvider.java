package pools.simd;

import pools.api.EmbeddingPool;
import pools.api.EmbeddingPoolSpec;
import pools.api.spi.EmbeddingPoolProvider;
import pools.api.spi.PoolContext;

/** The built-in {@link EmbeddingPoolProvider} ("simd"): aligned embeddings carved from off-heap slabs. */
public final class SimdEmbeddingPoolProvider implements EmbeddingPoolProvider {

    @Override
    public String name() {
        return "simd";
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public EmbeddingPool create(EmbeddingPoolSpec spec, PoolContext context) {
        return new SlabEmbeddingPool(spec, context);
    }
}

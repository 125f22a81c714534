package pools.api.spi;

import pools.api.Capability;
import pools.api.EmbeddingPool;
import pools.api.EmbeddingPoolSpec;

/** Creates {@link EmbeddingPool}s; module {@code pools.simd} provides the built-in one. */
public interface EmbeddingPoolProvider extends CapabilityProvider {

    @Override
    default Capability capability() {
        return Capability.EMBEDDING_POOLS;
    }

    /** A new pool as {@code spec} describes, reserving its slabs against {@code context}'s budget. */
    EmbeddingPool create(EmbeddingPoolSpec spec, PoolContext context);
}

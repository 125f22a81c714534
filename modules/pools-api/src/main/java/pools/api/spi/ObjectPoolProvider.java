package pools.api.spi;

import pools.api.Capability;
import pools.api.ObjectPool;
import pools.api.ObjectPoolSpec;

/**
 * Creates {@link ObjectPool}s of any type from an {@link ObjectPoolSpec}; module
 * {@code pools.fixed} provides the built-in one. It knows nothing of what the pools hold: the
 * facade builds the seed database's pools from specs like any host's. Implementations must be
 * thread-safe, and so must the pools they create.
 */
public interface ObjectPoolProvider extends CapabilityProvider {

    @Override
    default Capability capability() {
        return Capability.OBJECT_POOLS;
    }

    /** A new pool as {@code spec} describes, reporting to {@code context}. */
    <T> ObjectPool<T> create(ObjectPoolSpec<T> spec, PoolContext context);
}

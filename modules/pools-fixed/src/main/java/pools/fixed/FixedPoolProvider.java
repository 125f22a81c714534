package pools.fixed;

import pools.api.ObjectPool;
import pools.api.ObjectPoolSpec;
import pools.api.spi.ObjectPoolProvider;
import pools.api.spi.PoolContext;

/**
 * The built-in {@link ObjectPoolProvider} ("fixed"): lock-free bounded pools of any object, with
 * per-thread magazines in front of a shared free list. Thread-safe.
 */
public final class FixedPoolProvider implements ObjectPoolProvider {

    @Override
    public String name() {
        return "fixed";
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public <T> ObjectPool<T> create(ObjectPoolSpec<T> spec, PoolContext context) {
        return new FixedPool<>(spec, context);
    }
}

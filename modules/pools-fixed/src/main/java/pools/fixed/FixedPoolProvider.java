package pools.fixed;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import pools.api.ObjectPool;
import pools.api.ObjectPoolSpec;
import pools.api.spi.ObjectPoolProvider;
import pools.api.spi.PoolContext;

/** The built-in {@link ObjectPoolProvider} ("fixed"). Placeholder until issue #3 lands its implementation. */
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
        throw new UnsupportedOperationException("pools.fixed: issue #3");
    }

    @Override
    public Supplier<Map<String, Object>> jsonObjectFactory() {
        throw new UnsupportedOperationException("pools.fixed: issue #3");
    }

    @Override
    public Supplier<List<Object>> jsonArrayFactory() {
        throw new UnsupportedOperationException("pools.fixed: issue #3");
    }
}

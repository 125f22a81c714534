package pools.fixed;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.collections.api.factory.Lists;
import org.eclipse.collections.api.factory.Maps;
import pools.api.ObjectPool;
import pools.api.ObjectPoolSpec;
import pools.api.spi.ObjectPoolProvider;
import pools.api.spi.PoolContext;

/**
 * The built-in {@link ObjectPoolProvider} ("fixed"): lock-free bounded pools with per-thread
 * magazines, and Eclipse Collections maps and lists (UnifiedMap, FastList) for the JSON pools.
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

    @Override
    public Supplier<Map<String, Object>> jsonObjectFactory() {
        return () -> Maps.mutable.empty();
    }

    @Override
    public Supplier<List<Object>> jsonArrayFactory() {
        return () -> Lists.mutable.empty();
    }
}

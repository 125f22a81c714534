package pools.api.spi;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import pools.api.Capability;
import pools.api.ObjectPool;
import pools.api.ObjectPoolSpec;

/** Creates {@link ObjectPool}s; module {@code pools.fixed} provides the built-in one. */
public interface ObjectPoolProvider extends CapabilityProvider {

    @Override
    default Capability capability() {
        return Capability.OBJECT_POOLS;
    }

    /** A new pool as {@code spec} describes, reporting to {@code context}. */
    <T> ObjectPool<T> create(ObjectPoolSpec<T> spec, PoolContext context);

    /** Makes the empty maps the JSON object pool holds (cleared, not re-created, on release). */
    Supplier<Map<String, Object>> jsonObjectFactory();

    /** Makes the empty lists the JSON array pool holds (cleared, not re-created, on release). */
    Supplier<List<Object>> jsonArrayFactory();
}

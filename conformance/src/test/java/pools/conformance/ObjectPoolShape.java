package pools.conformance;

import java.util.concurrent.atomic.AtomicInteger;
import pools.api.ObjectPool;
import pools.api.ObjectPoolSpec;

/**
 * An object pool of one growth shape from the shipped provider, under Lincheck. The factory takes
 * a step on a shared counter, so the model checker can switch threads while an object is being
 * created (a slow factory).
 */
public abstract class ObjectPoolShape extends PoolLincheck<Object> {

    protected ObjectPoolShape(int initialCapacity, int maxCapacity, double growthFactor, int heldUpFront) {
        super(create(initialCapacity, maxCapacity, growthFactor), heldUpFront);
    }

    static ObjectPool<Object> create(int initialCapacity, int maxCapacity, double growthFactor) {
        AtomicInteger made = new AtomicInteger();
        ObjectPoolSpec<Object> spec = ObjectPoolSpec.<Object>builder("lincheck", () -> new int[] {made.incrementAndGet()})
                .initialCapacity(initialCapacity).maxCapacity(maxCapacity).growthFactor(growthFactor).build();
        return Providers.objectPool().create(spec, Providers.context());
    }
}

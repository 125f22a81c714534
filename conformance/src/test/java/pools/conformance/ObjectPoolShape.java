package pools.conformance;

import java.util.concurrent.atomic.AtomicInteger;
import pools.api.ObjectPool;
import pools.api.ObjectPoolSpec;
import pools.api.ReleaseCheck;

/**
 * An object pool of one growth shape from the shipped provider, under Lincheck. The factory takes
 * a step on a shared counter, so the model checker can switch threads while an object is being
 * created (a slow factory). Shapes run the default {@link ReleaseCheck#SEQUENTIAL} (what ships)
 * unless they name {@link ReleaseCheck#RACING}.
 */
public abstract class ObjectPoolShape extends PoolLincheck<Object> {

    protected ObjectPoolShape(int initialCapacity, int maxCapacity, double growthFactor, int heldUpFront) {
        this(initialCapacity, maxCapacity, growthFactor, heldUpFront, ReleaseCheck.SEQUENTIAL);
    }

    protected ObjectPoolShape(int initialCapacity, int maxCapacity, double growthFactor, int heldUpFront, ReleaseCheck check) {
        super(create(initialCapacity, maxCapacity, growthFactor, check), heldUpFront);
    }

    static ObjectPool<Object> create(int initialCapacity, int maxCapacity, double growthFactor) {
        return create(initialCapacity, maxCapacity, growthFactor, ReleaseCheck.SEQUENTIAL);
    }

    static ObjectPool<Object> create(int initialCapacity, int maxCapacity, double growthFactor, ReleaseCheck check) {
        AtomicInteger made = new AtomicInteger();
        ObjectPoolSpec<Object> spec = ObjectPoolSpec.<Object>builder("lincheck", () -> new int[] {made.incrementAndGet()})
                .initialCapacity(initialCapacity).maxCapacity(maxCapacity).growthFactor(growthFactor)
                .releaseCheck(check).build();
        return Providers.objectPool().create(spec, Providers.context());
    }
}

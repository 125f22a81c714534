package pools.conformance;

import org.jetbrains.lincheck.datastructures.Operation;
import pools.api.ObjectPool;

/**
 * A lifecycle shape: max 2 with one object held up front, and close racing every other
 * operation; checked against {@link Model}. One subclass per pool engine.
 *
 * @param <T> the pooled type
 */
public abstract class ClosingPoolLincheck<T> extends PoolLincheck<T> {
    static final int MAX_CAPACITY = 2;

    /** {@code pool} must have max capacity {@link #MAX_CAPACITY} and one object up front. */
    protected ClosingPoolLincheck(ObjectPool<T> pool) {
        super(pool, 1);
    }

    @Operation
    public String close() {
        return closePool();
    }

    /** The lifecycle shape, one call at a time. */
    public static class Model extends PoolModel {
        public Model() {
            super(MAX_CAPACITY, 1);
        }
    }
}

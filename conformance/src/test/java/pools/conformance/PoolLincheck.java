package pools.conformance;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.ThreadIdGen;
import org.jetbrains.lincheck.datastructures.Validate;
import pools.api.ObjectPool;
import pools.api.PoolClosedException;
import pools.api.PoolExhaustedException;

/**
 * A pool's concurrent operations as Lincheck sees them, for one pool shape (a subclass). Each
 * Lincheck thread keeps the objects it holds in its own stack, so a release always gives back an
 * object the caller really holds; results are words that {@link PoolModel} returns too.
 *
 * @param <T> the pooled type
 */
@Param(name = "thread", gen = ThreadIdGen.class)
public abstract class PoolLincheck<T> {
    static final int THREAD_SLOTS = 8;
    static final String OK = "ok";
    static final String EMPTY = "empty";
    static final String EXHAUSTED = "exhausted";
    static final String CLOSED = "closed";
    static final String NOTHING_HELD = "nothing held";

    private final ObjectPool<T> pool;
    /** The objects each Lincheck thread holds, by thread slot; a generic array made from a wildcard one. */
    @SuppressWarnings("unchecked")
    private final ArrayDeque<T>[] held = (ArrayDeque<T>[]) new ArrayDeque<?>[THREAD_SLOTS];

    protected PoolLincheck(ObjectPool<T> pool, int heldUpFront) {
        this.pool = pool;
        for (int i = 0; i < THREAD_SLOTS; i++) {
            held[i] = new ArrayDeque<>();
        }
        for (int i = 0; i < heldUpFront; i++) {
            pool.acquire();
        }
    }

    @Operation
    public String tryAcquire(@Param(name = "thread") int thread) {
        try {
            Optional<T> object = pool.tryAcquire();
            object.ifPresent(held[thread]::push);
            return object.isPresent() ? OK : EMPTY;
        } catch (PoolClosedException e) {
            return CLOSED;
        }
    }

    @Operation
    public String acquireNoWait(@Param(name = "thread") int thread) {
        try {
            held[thread].push(pool.acquire(Duration.ZERO));
            return OK;
        } catch (PoolExhaustedException e) {
            return EXHAUSTED;
        } catch (PoolClosedException e) {
            return CLOSED;
        }
    }

    @Operation
    public String release(@Param(name = "thread") int thread) {
        T object = held[thread].poll();
        if (object == null) {
            return NOTHING_HELD;
        }
        try {
            pool.release(object);
            return OK;
        } catch (PoolClosedException e) {
            held[thread].push(object);
            return CLOSED;
        }
    }

    /** Every snapshot, under any interleaving, keeps the counters' invariants (see {@link StatsInvariants}). */
    @Operation
    public boolean statsInvariantsHold() {
        return StatsInvariants.violations(pool.stats()).isEmpty();
    }

    /**
     * After each scenario: the pool's counters keep their invariants once quiet too, and the pool
     * is closed so that no scenario leaves off-heap memory behind.
     */
    @Validate
    public void invariantsHoldAndPoolCloses() {
        var broken = StatsInvariants.violations(pool.stats());
        pool.close();
        if (!broken.isEmpty()) {
            throw new AssertionError(broken.toString());
        }
    }

    /** For the lifecycle shapes, whose subclasses make this an operation. */
    protected String closePool() {
        pool.close();
        return OK;
    }
}

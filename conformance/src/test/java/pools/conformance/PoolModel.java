package pools.conformance;

/**
 * The sequential specification of a pool (object or embedding) of a given max capacity: an acquire succeeds
 * exactly when fewer than the max are held, whatever the growth shape (growth is how the pool
 * gets there, not what a caller may observe); a release gives one back; after close every call
 * is refused as closed. The operations mirror {@link PoolLincheck}'s, with the same results.
 */
public class PoolModel {
    private final int maxCapacity;
    private final int[] heldBy = new int[PoolLincheck.THREAD_SLOTS];
    private int held;
    private boolean closed;

    protected PoolModel(int maxCapacity, int heldUpFront) {
        this.maxCapacity = maxCapacity;
        this.held = heldUpFront;
    }

    public String tryAcquire(int thread) {
        if (closed) {
            return PoolLincheck.CLOSED;
        }
        if (held == maxCapacity) {
            return PoolLincheck.EMPTY;
        }
        held++;
        heldBy[thread]++;
        return PoolLincheck.OK;
    }

    public String acquireNoWait(int thread) {
        String result = tryAcquire(thread);
        return result.equals(PoolLincheck.EMPTY) ? PoolLincheck.EXHAUSTED : result;
    }

    public String release(int thread) {
        if (heldBy[thread] == 0) {
            return PoolLincheck.NOTHING_HELD;
        }
        if (closed) {
            return PoolLincheck.CLOSED;
        }
        heldBy[thread]--;
        held--;
        return PoolLincheck.OK;
    }

    public boolean statsInvariantsHold() {
        return true;
    }

    public String close() {
        closed = true;
        return PoolLincheck.OK;
    }
}

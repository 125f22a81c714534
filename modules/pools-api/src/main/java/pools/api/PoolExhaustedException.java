package pools.api;

/**
 * A pool is at its maximum capacity with nothing free, and the caller chose not to wait, or
 * waited past its timeout. The pool is unchanged; retry after someone releases, or raise the
 * pool's max capacity.
 */
public class PoolExhaustedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public PoolExhaustedException(String message) {
        super(message);
    }
}

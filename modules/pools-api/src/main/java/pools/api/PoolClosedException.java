package pools.api;

/**
 * A pool, arena or system was used after {@code close()}. Its memory is gone or going back to
 * the OS; acquire from a live one instead.
 */
public final class PoolClosedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public PoolClosedException(String message) {
        super(message);
    }
}

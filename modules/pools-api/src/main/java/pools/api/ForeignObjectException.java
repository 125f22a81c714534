package pools.api;

/**
 * An object or memory segment was handed to a pool that never handed it out: it belongs to
 * another pool, or to none. The pool is unchanged.
 */
public final class ForeignObjectException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ForeignObjectException(String message) {
        super(message);
    }
}

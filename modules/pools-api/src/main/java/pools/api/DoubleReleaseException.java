package pools.api;

/**
 * An object was released to its pool while it was already free there (released twice, or
 * released after the pool reclaimed it). The pool is unchanged: the object stays free once.
 */
public final class DoubleReleaseException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public DoubleReleaseException(String message) {
        super(message);
    }
}

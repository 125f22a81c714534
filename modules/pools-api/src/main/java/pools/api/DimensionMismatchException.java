package pools.api;

/**
 * Two vectors, or a vector and an array, do not have the same number of floats. Nothing was
 * read or written.
 */
public final class DimensionMismatchException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public DimensionMismatchException(long expected, long actual) {
        super("expected a vector of " + expected + " floats but got " + actual);
    }
}

package pools.api;

/**
 * A configuration value is out of its valid range. Thrown when a {@link PoolConfig}, an
 * {@link ObjectPoolSpec} or an {@link EmbeddingPoolSpec} is built, never later, so a bad value
 * cannot reach a running pool.
 */
public final class InvalidConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field the name of the offending field, as the builder method spells it
     * @param value the rejected value
     * @param validRange what would have been accepted, in words a user can act on
     */
    public InvalidConfigException(String field, Object value, String validRange) {
        super(field + " = " + value + " is invalid: " + validRange);
        this.field = field;
    }

    /** The builder field that was rejected, for example {@code "smallPageSize"}. */
    public String field() {
        return field;
    }
}

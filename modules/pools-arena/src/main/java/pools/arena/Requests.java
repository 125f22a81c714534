package pools.arena;

/**
 * Validation and size arithmetic of allocation requests, kept out of the bump's hot path: the
 * bump checks only sign and power of two; whatever reaches a new page or block passes here, so
 * that no sum of a size and its alignment padding can wrap past {@code Long.MAX_VALUE} (which
 * would turn a huge request negative and skip the budget).
 */
final class Requests {
    private Requests() {
    }

    /** The error for a negative size or an alignment that is not a positive power of two. */
    static IllegalArgumentException invalid(long byteSize, long byteAlignment) {
        return byteSize < 0
                ? new IllegalArgumentException("byteSize must be 0 or more, got " + byteSize)
                : new IllegalArgumentException("byteAlignment must be a power of two, got " + byteAlignment);
    }

    /**
     * Bytes a block must have for the request when blocks start {@code blockAlignment}-aligned:
     * the size plus the padding a stricter alignment may need.
     *
     * @throws IllegalArgumentException if the size plus the worst-case padding
     *                                  ({@code byteAlignment - 1}) exceeds {@code Long.MAX_VALUE}
     */
    static long padded(long byteSize, long byteAlignment, long blockAlignment) {
        if (byteSize > Long.MAX_VALUE - (byteAlignment - 1)) {
            throw new IllegalArgumentException("byteSize " + byteSize + " with byteAlignment " + byteAlignment
                    + " needs more than Long.MAX_VALUE bytes with padding: no machine has that much memory");
        }
        return byteSize + Math.max(0, byteAlignment - blockAlignment);
    }
}

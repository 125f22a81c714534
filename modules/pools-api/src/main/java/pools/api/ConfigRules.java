package pools.api;

/**
 * The rules that {@link PoolConfig}, {@link ObjectPoolSpec} and {@link EmbeddingPoolSpec} share,
 * written once: the growth-factor range, the alignment range, the embedding stride. Each check
 * throws {@link InvalidConfigException} naming the field, the value and the valid range.
 */
final class ConfigRules {
    /** The largest growth factor: past 16x one growth step is a new pool, not a step. */
    static final double MAX_GROWTH_FACTOR = 16.0;
    /** The smallest embedding alignment: one 256-bit SIMD register. */
    static final int MIN_ALIGNMENT = 32;
    /** The largest embedding alignment: one 4 KiB page. */
    static final int MAX_ALIGNMENT = 4096;

    private ConfigRules() {
    }

    /** Bytes between the starts of neighbouring embeddings: the vector rounded up to the alignment. */
    static long embeddingStride(int dimension, int alignment) {
        return ((long) dimension * Float.BYTES + alignment - 1) & -(long) alignment;
    }

    static void requireGrowthFactor(String field, double factor) {
        if (!(factor > 1.0 && factor <= MAX_GROWTH_FACTOR)) {
            throw new InvalidConfigException(field, factor, "must be above 1.0 and at most " + MAX_GROWTH_FACTOR);
        }
    }

    static void requireAlignment(String field, int alignment) {
        requirePowerOfTwo(field, alignment, MIN_ALIGNMENT, MAX_ALIGNMENT);
    }

    static void requirePowerOfTwo(String field, int value, long min, long max) {
        if (value < min || value > max || Integer.bitCount(value) != 1) {
            throw new InvalidConfigException(field, value, "must be a power of two between " + min + " and " + max);
        }
    }

    static void requireAtLeastOne(String field, int value) {
        if (value < 1) {
            throw new InvalidConfigException(field, value, "must be 1 or more");
        }
    }

    static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidConfigException("name", name, "must be a non-blank pool name");
        }
    }

    static void requireInitialCapacity(int initialCapacity, int maxCapacity) {
        requireAtLeastOne("maxCapacity", maxCapacity);
        if (initialCapacity < 0 || initialCapacity > maxCapacity) {
            throw new InvalidConfigException("initialCapacity", initialCapacity,
                    "must be between 0 and maxCapacity (" + maxCapacity + ")");
        }
    }
}

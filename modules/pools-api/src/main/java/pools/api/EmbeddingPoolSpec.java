package pools.api;

/**
 * The shape and size of an {@link EmbeddingPool}.
 *
 * @param name            the pool's name in analytics; not blank
 * @param dimension       floats per embedding, 1 or more
 * @param alignment       byte alignment of each embedding, a power of two from 32 to 4096
 * @param initialCapacity embeddings allocated up front, {@code 0..maxCapacity}
 * @param maxCapacity     the most embeddings the pool holds, 1 or more
 * @param growthFactor    capacity multiplier on growth, above 1
 * @param idle            when whole free slabs are given back ({@link IdlePolicy#KEEP}: never)
 */
public record EmbeddingPoolSpec(
        String name, int dimension, int alignment, int initialCapacity, int maxCapacity, double growthFactor,
        IdlePolicy idle) {

    /** Validates every field; throws {@link InvalidConfigException} on the first bad one. */
    public EmbeddingPoolSpec {
        ConfigRules.requireName(name);
        ConfigRules.requireAtLeastOne("dimension", dimension);
        ConfigRules.requireAlignment("alignment", alignment);
        ConfigRules.requireInitialCapacity(initialCapacity, maxCapacity);
        ConfigRules.requireGrowthFactor("growthFactor", growthFactor);
        // A full pool is maxCapacity strides; dimension and maxCapacity near Integer.MAX_VALUE
        // would wrap that product, and every slab size below it, past Long.MAX_VALUE.
        if (ConfigRules.embeddingStride(dimension, alignment) > Long.MAX_VALUE / maxCapacity) {
            throw new InvalidConfigException("maxCapacity", maxCapacity, "must keep maxCapacity x "
                    + ConfigRules.embeddingStride(dimension, alignment) + " bytes per embedding within Long.MAX_VALUE bytes");
        }
        if (idle == null) {
            throw new InvalidConfigException("idle", null, "must be an IdlePolicy; IdlePolicy.KEEP never trims");
        }
        if (idle.minCapacity() > maxCapacity) {
            throw new InvalidConfigException("idle.minCapacity", idle.minCapacity(),
                    "must be at most maxCapacity (" + maxCapacity + ")");
        }
    }

    /** A spec that keeps every slab it grows to ({@link IdlePolicy#KEEP}); validated as above. */
    public EmbeddingPoolSpec(String name, int dimension, int alignment, int initialCapacity, int maxCapacity,
            double growthFactor) {
        this(name, dimension, alignment, initialCapacity, maxCapacity, growthFactor, IdlePolicy.KEEP);
    }

    /** This spec with {@code policy} for giving back idle slabs. */
    public EmbeddingPoolSpec withIdle(IdlePolicy policy) {
        return new EmbeddingPoolSpec(name, dimension, alignment, initialCapacity, maxCapacity, growthFactor, policy);
    }

    /** The spec of the system's built-in embedding pool, from the config's embedding fields. */
    public static EmbeddingPoolSpec from(PoolConfig config) {
        int max = config.capacities().maxEmbeddingsPerPool();
        return new EmbeddingPoolSpec("embeddings", config.embeddings().embeddingDimension(),
                config.embeddings().embeddingAlignment(), config.initialCapacityFor(max), max,
                config.budget().poolGrowthFactor());
    }

    /** Bytes of one embedding's vector, before rounding to the alignment. */
    public long vectorBytes() {
        return (long) dimension * Float.BYTES;
    }

    /** Bytes between the starts of neighbouring embeddings: the vector rounded up to the alignment. */
    public long strideBytes() {
        return ConfigRules.embeddingStride(dimension, alignment);
    }

    private static long stride(int dimension, int alignment) {
        return ((long) dimension * Float.BYTES + alignment - 1) & -(long) alignment;
    }
}

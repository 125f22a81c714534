package pools.api;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The whole configuration of a {@link MemoryPoolSystem}: the seed's page sizes, per-pool
 * capacities, arena sizes, total budget and growth factor, plus the embedding shape, the idle
 * memory an arena manager may keep, leak detection and the providers a host prefers.
 *
 * <p>Immutable and always valid: the canonical constructor checks every field and throws an
 * {@link InvalidConfigException} naming the first bad field and its valid range, so the
 * {@link Builder} cannot produce a config that fails later. Sizes are in bytes unless the name
 * says otherwise.
 *
 * @param smallPageSize         smallest arena page, a power of two (default 4 KiB)
 * @param mediumPageSize        medium arena page, a power of two above the small one (64 KiB)
 * @param largePageSize         largest arena page, a power of two above the medium one (2 MiB)
 * @param maxNodesPerPool       capacity limit of the graph-node pool (10 000)
 * @param maxSearchResultsPerPool capacity limit of the search-result pool (1 000)
 * @param maxJsonObjectsPerPool capacity limit of each JSON map and list pool (500)
 * @param maxEmbeddingsPerPool  capacity limit of the embedding pool (100)
 * @param initialPoolCapacity   objects each built-in pool creates up front, capped by its max (16)
 * @param embeddingDimension    floats per embedding (768)
 * @param embeddingAlignment    byte alignment of every embedding, a power of two, at least 32 (64)
 * @param primitiveArenaSize    bytes of one PRIMITIVE arena's first chunk (256 KiB)
 * @param searchArenaSize       bytes of one SEARCH arena's first chunk (1 MiB)
 * @param jsonArenaSize         bytes of one JSON arena's first chunk (128 KiB)
 * @param maxTotalPoolMemoryMb  the off-heap budget shared by every pool and arena, in MiB (500)
 * @param poolGrowthFactor      capacity multiplier when a pool grows, above 1 (1.5)
 * @param arenaIdleRetainBytes  arena pages kept for reuse (idle in the page pool, or kept by an
 *                              arena for its next acquisitions); pages beyond it go back to the OS
 *                              (64 MiB, or a quarter of the budget if that is less)
 * @param arenaSafety           what arena memory guarantees once its arena is closed
 *                              ({@link ArenaSafety#AUTO}: checked and pooled when module
 *                              {@code pools.arena} has native access, unchecked and reported as
 *                              such otherwise; see {@link ScopedArena} for each mode)
 * @param leakDetection         tracking of leases that are never released ({@link LeakDetection#OFF})
 * @param preferredProviders    provider name per capability, chosen over priority when present
 */
public record PoolConfig(
        int smallPageSize,
        int mediumPageSize,
        int largePageSize,
        int maxNodesPerPool,
        int maxSearchResultsPerPool,
        int maxJsonObjectsPerPool,
        int maxEmbeddingsPerPool,
        int initialPoolCapacity,
        int embeddingDimension,
        int embeddingAlignment,
        int primitiveArenaSize,
        int searchArenaSize,
        int jsonArenaSize,
        int maxTotalPoolMemoryMb,
        double poolGrowthFactor,
        long arenaIdleRetainBytes,
        ArenaSafety arenaSafety,
        LeakDetection leakDetection,
        Map<Capability, String> preferredProviders) {

    private static final int MAX_PAGE_SIZE = 1 << 30;
    private static final int MAX_DIMENSION = 1 << 20;
    private static final int MAX_ALIGNMENT = 4096;
    private static final double MAX_GROWTH_FACTOR = 16.0;
    private static final long DEFAULT_IDLE_RETAIN_BYTES = 64L << 20;

    /** Validates every field; see {@link InvalidConfigException} for the message format. */
    public PoolConfig {
        requirePowerOfTwo("smallPageSize", smallPageSize, 64, MAX_PAGE_SIZE);
        requirePowerOfTwo("mediumPageSize", mediumPageSize, smallPageSize * 2L, MAX_PAGE_SIZE);
        requirePowerOfTwo("largePageSize", largePageSize, mediumPageSize * 2L, MAX_PAGE_SIZE);
        requireAtLeastOne("maxNodesPerPool", maxNodesPerPool);
        requireAtLeastOne("maxSearchResultsPerPool", maxSearchResultsPerPool);
        requireAtLeastOne("maxJsonObjectsPerPool", maxJsonObjectsPerPool);
        requireAtLeastOne("maxEmbeddingsPerPool", maxEmbeddingsPerPool);
        if (initialPoolCapacity < 0) {
            throw new InvalidConfigException("initialPoolCapacity", initialPoolCapacity,
                    "must be 0 or more (each pool caps it at its own max)");
        }
        if (embeddingDimension < 1 || embeddingDimension > MAX_DIMENSION) {
            throw new InvalidConfigException("embeddingDimension", embeddingDimension,
                    "must be between 1 and " + MAX_DIMENSION);
        }
        requirePowerOfTwo("embeddingAlignment", embeddingAlignment, 32, MAX_ALIGNMENT);
        requireAtLeastOne("primitiveArenaSize", primitiveArenaSize);
        requireAtLeastOne("searchArenaSize", searchArenaSize);
        requireAtLeastOne("jsonArenaSize", jsonArenaSize);
        requireAtLeastOne("maxTotalPoolMemoryMb", maxTotalPoolMemoryMb);
        if (!(poolGrowthFactor > 1.0 && poolGrowthFactor <= MAX_GROWTH_FACTOR)) {
            throw new InvalidConfigException("poolGrowthFactor", poolGrowthFactor,
                    "must be above 1.0 and at most " + MAX_GROWTH_FACTOR);
        }
        long budget = (long) maxTotalPoolMemoryMb << 20;
        if (arenaIdleRetainBytes < 0 || arenaIdleRetainBytes > budget) {
            throw new InvalidConfigException("arenaIdleRetainBytes", arenaIdleRetainBytes,
                    "must be between 0 and the budget, " + budget + " bytes");
        }
        Objects.requireNonNull(arenaSafety, "arenaSafety");
        Objects.requireNonNull(leakDetection, "leakDetection");
        preferredProviders = copyProviders(preferredProviders);
        requireBudgetCovers("primitiveArenaSize", primitiveArenaSize, budget);
        requireBudgetCovers("searchArenaSize", searchArenaSize, budget);
        requireBudgetCovers("jsonArenaSize", jsonArenaSize, budget);
        long initialEmbeddingBytes = Math.min(initialPoolCapacity, maxEmbeddingsPerPool)
                * embeddingStride(embeddingDimension, embeddingAlignment);
        if (initialEmbeddingBytes > budget) {
            throw new InvalidConfigException("maxTotalPoolMemoryMb", maxTotalPoolMemoryMb,
                    "must cover the initial embeddings (" + initialEmbeddingBytes
                            + " bytes); raise it or lower initialPoolCapacity");
        }
    }

    /** A config with the seed's defaults. */
    public static PoolConfig defaults() {
        return builder().build();
    }

    /** A builder that starts from the seed's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this config's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** {@link #maxTotalPoolMemoryMb()} in bytes. */
    public long maxTotalPoolMemoryBytes() {
        return (long) maxTotalPoolMemoryMb << 20;
    }

    /** Bytes between the starts of two neighbouring embeddings: the vector rounded up to the alignment. */
    public long embeddingStrideBytes() {
        return embeddingStride(embeddingDimension, embeddingAlignment);
    }

    /** The {@code initialPoolCapacity} a pool of the given max starts with. */
    public int initialCapacityFor(int maxCapacity) {
        return Math.min(initialPoolCapacity, maxCapacity);
    }

    private static long embeddingStride(int dimension, int alignment) {
        long bytes = (long) dimension * Float.BYTES;
        return (bytes + alignment - 1) & -(long) alignment;
    }

    private static void requirePowerOfTwo(String field, int value, long min, long max) {
        if (value < min || value > max || Integer.bitCount(value) != 1) {
            throw new InvalidConfigException(field, value,
                    "must be a power of two between " + min + " and " + max);
        }
    }

    private static void requireAtLeastOne(String field, int value) {
        if (value < 1) {
            throw new InvalidConfigException(field, value, "must be 1 or more");
        }
    }

    private static void requireBudgetCovers(String field, int size, long budget) {
        if (size > budget) {
            throw new InvalidConfigException(field, size,
                    "must fit in the budget of " + budget + " bytes (maxTotalPoolMemoryMb)");
        }
    }

    private static Map<Capability, String> copyProviders(Map<Capability, String> providers) {
        Objects.requireNonNull(providers, "preferredProviders");
        EnumMap<Capability, String> copy = new EnumMap<>(Capability.class);
        providers.forEach((capability, name) -> {
            if (name == null || name.isBlank()) {
                throw new InvalidConfigException("preferredProviders", providers,
                        "the provider name for " + capability + " must not be blank");
            }
            copy.put(Objects.requireNonNull(capability, "capability"), name);
        });
        return Map.copyOf(copy);
    }

    /**
     * Collects values for a {@link PoolConfig}; {@link #build()} validates them all. Each setter
     * returns this builder. Not thread-safe.
     */
    public static final class Builder {
        private int smallPageSize = 4 * 1024;
        private int mediumPageSize = 64 * 1024;
        private int largePageSize = 2 * 1024 * 1024;
        private int maxNodesPerPool = 10_000;
        private int maxSearchResultsPerPool = 1_000;
        private int maxJsonObjectsPerPool = 500;
        private int maxEmbeddingsPerPool = 100;
        private int initialPoolCapacity = 16;
        private int embeddingDimension = 768;
        private int embeddingAlignment = 64;
        private int primitiveArenaSize = 256 * 1024;
        private int searchArenaSize = 1024 * 1024;
        private int jsonArenaSize = 128 * 1024;
        private int maxTotalPoolMemoryMb = 500;
        private double poolGrowthFactor = 1.5;
        /** Null until set: then it follows the budget (see {@link #arenaIdleRetainBytes(long)}). */
        private Long arenaIdleRetainBytes;
        private ArenaSafety arenaSafety = ArenaSafety.AUTO;
        private LeakDetection leakDetection = LeakDetection.OFF;
        private final EnumMap<Capability, String> preferredProviders = new EnumMap<>(Capability.class);

        private Builder() {
        }

        private Builder(PoolConfig c) {
            pageSizes(c.smallPageSize, c.mediumPageSize, c.largePageSize);
            maxNodesPerPool = c.maxNodesPerPool;
            maxSearchResultsPerPool = c.maxSearchResultsPerPool;
            maxJsonObjectsPerPool = c.maxJsonObjectsPerPool;
            maxEmbeddingsPerPool = c.maxEmbeddingsPerPool;
            initialPoolCapacity = c.initialPoolCapacity;
            embeddingDimension = c.embeddingDimension;
            embeddingAlignment = c.embeddingAlignment;
            arenaSizes(c.primitiveArenaSize, c.searchArenaSize, c.jsonArenaSize);
            maxTotalPoolMemoryMb = c.maxTotalPoolMemoryMb;
            poolGrowthFactor = c.poolGrowthFactor;
            arenaIdleRetainBytes = c.arenaIdleRetainBytes;
            arenaSafety = c.arenaSafety;
            leakDetection = c.leakDetection;
            preferredProviders.putAll(c.preferredProviders);
        }

        /** The three arena page sizes, small to large. */
        public Builder pageSizes(int small, int medium, int large) {
            smallPageSize = small;
            mediumPageSize = medium;
            largePageSize = large;
            return this;
        }

        public Builder maxNodesPerPool(int max) {
            maxNodesPerPool = max;
            return this;
        }

        public Builder maxSearchResultsPerPool(int max) {
            maxSearchResultsPerPool = max;
            return this;
        }

        public Builder maxJsonObjectsPerPool(int max) {
            maxJsonObjectsPerPool = max;
            return this;
        }

        public Builder maxEmbeddingsPerPool(int max) {
            maxEmbeddingsPerPool = max;
            return this;
        }

        public Builder initialPoolCapacity(int initial) {
            initialPoolCapacity = initial;
            return this;
        }

        public Builder embeddingDimension(int floats) {
            embeddingDimension = floats;
            return this;
        }

        public Builder embeddingAlignment(int bytes) {
            embeddingAlignment = bytes;
            return this;
        }

        /** The first-chunk sizes of PRIMITIVE, SEARCH and JSON arenas. */
        public Builder arenaSizes(int primitive, int search, int json) {
            primitiveArenaSize = primitive;
            searchArenaSize = search;
            jsonArenaSize = json;
            return this;
        }

        public Builder maxTotalPoolMemoryMb(int mib) {
            maxTotalPoolMemoryMb = mib;
            return this;
        }

        public Builder poolGrowthFactor(double factor) {
            poolGrowthFactor = factor;
            return this;
        }

        /** Idle arena pages kept for reuse; unless set, 64 MiB or a quarter of the budget, whichever is less. */
        public Builder arenaIdleRetainBytes(long bytes) {
            arenaIdleRetainBytes = bytes;
            return this;
        }

        /**
         * What arena memory guarantees after close: {@link ArenaSafety#AUTO} (the default),
         * {@link ArenaSafety#CHECKED} or {@link ArenaSafety#UNCHECKED}; see {@link ScopedArena}.
         */
        public Builder arenaSafety(ArenaSafety safety) {
            arenaSafety = safety;
            return this;
        }

        public Builder leakDetection(LeakDetection mode) {
            leakDetection = mode;
            return this;
        }

        /** Chooses the provider named {@code providerName} for a capability, over priority. */
        public Builder preferProvider(Capability capability, String providerName) {
            preferredProviders.put(Objects.requireNonNull(capability, "capability"), providerName);
            return this;
        }

        /** Validates and builds; throws {@link InvalidConfigException} on the first bad field. */
        public PoolConfig build() {
            return new PoolConfig(smallPageSize, mediumPageSize, largePageSize, maxNodesPerPool,
                    maxSearchResultsPerPool, maxJsonObjectsPerPool, maxEmbeddingsPerPool,
                    initialPoolCapacity, embeddingDimension, embeddingAlignment, primitiveArenaSize,
                    searchArenaSize, jsonArenaSize, maxTotalPoolMemoryMb, poolGrowthFactor,
                    arenaIdleRetainBytes != null ? arenaIdleRetainBytes
                            : Math.min(DEFAULT_IDLE_RETAIN_BYTES, ((long) maxTotalPoolMemoryMb << 20) / 4),
                    arenaSafety, leakDetection, preferredProviders);
        }
    }
}

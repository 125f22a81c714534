package pools.api;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The whole configuration of a {@link MemoryPoolSystem}, one record per concern: the seed's arena
 * page sizes, per-pool capacities, the embedding shape, arena sizes, the budget and growth, the
 * safety checks, and the providers a host prefers.
 *
 * <p>Immutable and always valid: each concern's record checks its own fields, and this record's
 * constructor checks the rules that span concerns (arena sizes and initial embeddings within the
 * budget), each throwing an {@link InvalidConfigException} that names the first bad field as the
 * {@link PoolConfigBuilder} spells it, with its valid range. Sizes are in bytes unless the name says
 * otherwise. Build one with {@link #builder()}; change one with {@link #toBuilder()}, which copies
 * what was chosen and re-derives what was not (see {@link Budget#arenaIdleRetainBytes()}).
 *
 * @param pageSizes          the three arena page sizes
 * @param capacities         the most objects each built-in pool holds, and how many it starts with
 * @param embeddings         the shape of the built-in embedding pool's vectors
 * @param arenaSizes         the first-chunk size of each kind of arena
 * @param budget             the off-heap budget, the growth factor and the idle arena memory kept
 * @param safetyChecks       arena safety after close and leak detection
 * @param preferredProviders provider name per capability, chosen over priority when present
 */
public record PoolConfig(
        PageSizes pageSizes,
        Capacities capacities,
        Embeddings embeddings,
        ArenaSizes arenaSizes,
        Budget budget,
        SafetyChecks safetyChecks,
        Map<Capability, String> preferredProviders) {

    /** Checks the rules that span concerns; see {@link InvalidConfigException} for the message format. */
    public PoolConfig {
        Objects.requireNonNull(pageSizes, "pageSizes");
        Objects.requireNonNull(capacities, "capacities");
        Objects.requireNonNull(embeddings, "embeddings");
        Objects.requireNonNull(arenaSizes, "arenaSizes");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(safetyChecks, "safetyChecks");
        preferredProviders = copyProviders(preferredProviders);
        long limit = budget.maxTotalPoolMemoryBytes();
        requireBudgetCovers("primitiveArenaSize", arenaSizes.primitiveArenaSize(), limit);
        requireBudgetCovers("searchArenaSize", arenaSizes.searchArenaSize(), limit);
        requireBudgetCovers("jsonArenaSize", arenaSizes.jsonArenaSize(), limit);
        long initialEmbeddingBytes = Math.min(capacities.initialPoolCapacity(), capacities.maxEmbeddingsPerPool())
                * embeddings.strideBytes();
        if (initialEmbeddingBytes > limit) {
            throw new InvalidConfigException("maxTotalPoolMemoryMb", budget.maxTotalPoolMemoryMb(),
                    "must cover the initial embeddings (" + initialEmbeddingBytes
                            + " bytes); raise it or lower initialPoolCapacity");
        }
    }

    /** A config with the seed's defaults. */
    public static PoolConfig defaults() {
        return builder().build();
    }

    /** A builder that starts from the seed's defaults. */
    public static PoolConfigBuilder builder() {
        return new PoolConfigBuilder();
    }

    /**
     * A builder that starts from this config's chosen values. A value this config derived rather
     * than was given (the idle arena memory, unless set) is derived again by the new build, so
     * {@code toBuilder().maxTotalPoolMemoryMb(16).build()} keeps a quarter of the new budget idle.
     */
    public PoolConfigBuilder toBuilder() {
        return new PoolConfigBuilder(this);
    }

    /** The {@code initialPoolCapacity} a pool of the given max starts with. */
    public int initialCapacityFor(int maxCapacity) {
        return Math.min(capacities.initialPoolCapacity(), maxCapacity);
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
     * The three arena page sizes, each a power of two, each at least twice the one before.
     *
     * @param smallPageSize  the smallest page, 64 B to 1 GiB (default 4 KiB)
     * @param mediumPageSize the medium page (64 KiB)
     * @param largePageSize  the largest page, at most 1 GiB (2 MiB)
     */
    public record PageSizes(int smallPageSize, int mediumPageSize, int largePageSize) {
        private static final int MAX_PAGE_SIZE = 1 << 30;

        /** Validates; throws {@link InvalidConfigException} on the first bad size. */
        public PageSizes {
            ConfigRules.requirePowerOfTwo("smallPageSize", smallPageSize, 64, MAX_PAGE_SIZE);
            ConfigRules.requirePowerOfTwo("mediumPageSize", mediumPageSize, smallPageSize * 2L, MAX_PAGE_SIZE);
            ConfigRules.requirePowerOfTwo("largePageSize", largePageSize, mediumPageSize * 2L, MAX_PAGE_SIZE);
        }
    }

    /**
     * How many objects the built-in pools may hold, each 1 or more.
     *
     * @param maxNodesPerPool         the graph-node pool's limit (default 10 000)
     * @param maxSearchResultsPerPool the search-result pool's limit (1 000)
     * @param maxJsonObjectsPerPool   the limit of each JSON map and list pool (500)
     * @param maxEmbeddingsPerPool    the embedding pool's limit (100)
     * @param initialPoolCapacity     objects each built-in pool creates up front, 0 or more, capped by its max (16)
     */
    public record Capacities(int maxNodesPerPool, int maxSearchResultsPerPool, int maxJsonObjectsPerPool,
                             int maxEmbeddingsPerPool, int initialPoolCapacity) {

        /** Validates; throws {@link InvalidConfigException} on the first bad capacity. */
        public Capacities {
            ConfigRules.requireAtLeastOne("maxNodesPerPool", maxNodesPerPool);
            ConfigRules.requireAtLeastOne("maxSearchResultsPerPool", maxSearchResultsPerPool);
            ConfigRules.requireAtLeastOne("maxJsonObjectsPerPool", maxJsonObjectsPerPool);
            ConfigRules.requireAtLeastOne("maxEmbeddingsPerPool", maxEmbeddingsPerPool);
            if (initialPoolCapacity < 0) {
                throw new InvalidConfigException("initialPoolCapacity", initialPoolCapacity,
                        "must be 0 or more (each pool caps it at its own max)");
            }
        }
    }

    /**
     * The shape of the built-in embedding pool's vectors.
     *
     * @param embeddingDimension floats per embedding, 1 to 2<sup>20</sup> (default 768)
     * @param embeddingAlignment byte alignment of every embedding, a power of two from 32 to 4096 (64)
     */
    public record Embeddings(int embeddingDimension, int embeddingAlignment) {
        private static final int MAX_DIMENSION = 1 << 20;

        /** Validates; throws {@link InvalidConfigException} on the first bad field. */
        public Embeddings {
            if (embeddingDimension < 1 || embeddingDimension > MAX_DIMENSION) {
                throw new InvalidConfigException("embeddingDimension", embeddingDimension,
                        "must be between 1 and " + MAX_DIMENSION);
            }
            ConfigRules.requireAlignment("embeddingAlignment", embeddingAlignment);
        }

        /** Bytes between the starts of two neighbouring embeddings: the vector rounded up to the alignment. */
        public long strideBytes() {
            return ConfigRules.embeddingStride(embeddingDimension, embeddingAlignment);
        }
    }

    /**
     * The first-chunk size of each kind of arena, each 1 or more and within the budget.
     *
     * @param primitiveArenaSize a PRIMITIVE arena's first chunk (default 256 KiB)
     * @param searchArenaSize    a SEARCH arena's first chunk (1 MiB)
     * @param jsonArenaSize      a JSON arena's first chunk (128 KiB)
     */
    public record ArenaSizes(int primitiveArenaSize, int searchArenaSize, int jsonArenaSize) {

        /** Validates; throws {@link InvalidConfigException} on the first bad size. */
        public ArenaSizes {
            ConfigRules.requireAtLeastOne("primitiveArenaSize", primitiveArenaSize);
            ConfigRules.requireAtLeastOne("searchArenaSize", searchArenaSize);
            ConfigRules.requireAtLeastOne("jsonArenaSize", jsonArenaSize);
        }
    }

    /**
     * The off-heap budget, how pools grow, and how much idle arena memory is kept.
     *
     * @param maxTotalPoolMemoryMb   the budget shared by every pool and arena, in MiB, 1 or more (default 500)
     * @param poolGrowthFactor       capacity multiplier when a pool grows, above 1 and at most 16 (1.5)
     * @param arenaIdleRetainSetting the idle arena memory the host chose, 0 to the budget; empty
     *                               (the default) to derive it from the budget, see {@link #arenaIdleRetainBytes()}
     */
    public record Budget(int maxTotalPoolMemoryMb, double poolGrowthFactor, OptionalLong arenaIdleRetainSetting) {
        private static final long DEFAULT_IDLE_RETAIN_BYTES = 64L << 20;

        /** Validates; throws {@link InvalidConfigException} on the first bad field. */
        public Budget {
            ConfigRules.requireAtLeastOne("maxTotalPoolMemoryMb", maxTotalPoolMemoryMb);
            ConfigRules.requireGrowthFactor("poolGrowthFactor", poolGrowthFactor);
            Objects.requireNonNull(arenaIdleRetainSetting, "arenaIdleRetainSetting");
            long limit = (long) maxTotalPoolMemoryMb << 20;
            if (arenaIdleRetainSetting.isPresent()
                    && (arenaIdleRetainSetting.getAsLong() < 0 || arenaIdleRetainSetting.getAsLong() > limit)) {
                throw new InvalidConfigException("arenaIdleRetainBytes", arenaIdleRetainSetting.getAsLong(),
                        "must be between 0 and the budget, " + limit + " bytes");
            }
        }

        /** {@link #maxTotalPoolMemoryMb()} in bytes. */
        public long maxTotalPoolMemoryBytes() {
            return (long) maxTotalPoolMemoryMb << 20;
        }

        /**
         * Bytes of arena pages kept for reuse (by closed arenas, for their next acquisitions);
         * pages beyond it go back to the OS. The host's setting if it chose one,
         * otherwise 64 MiB or a quarter of the budget, whichever is less.
         */
        public long arenaIdleRetainBytes() {
            return arenaIdleRetainSetting.orElse(Math.min(DEFAULT_IDLE_RETAIN_BYTES, maxTotalPoolMemoryBytes() / 4));
        }
    }

    /**
     * What is checked at run time, beyond what every pool always checks.
     *
     * @param arenaSafety   what arena memory guarantees once its arena is closed ({@link ArenaSafety#AUTO}:
     *                      checked and pooled when module {@code pools.arena} has native access,
     *                      unchecked and reported as such otherwise; see {@link ScopedArena} for each mode)
     * @param leakDetection tracking of leases that are never released (default {@link LeakDetection#OFF})
     */
    public record SafetyChecks(ArenaSafety arenaSafety, LeakDetection leakDetection) {

        /** Throws {@link NullPointerException} naming a null field. */
        public SafetyChecks {
            Objects.requireNonNull(arenaSafety, "arenaSafety");
            Objects.requireNonNull(leakDetection, "leakDetection");
        }
    }
}

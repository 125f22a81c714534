package pools.api;

import java.util.EnumMap;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Collects values for a {@link PoolConfig}, starting from the seed's defaults (or, from
 * {@link PoolConfig#toBuilder()}, from a config's chosen values); {@link #build()} validates them
 * all, so a setter never throws for a bad value. Each setter returns this builder. Not thread-safe.
 */
public final class PoolConfigBuilder {
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
    /** Empty until set: the config then derives it from the budget it is built with. */
    private OptionalLong arenaIdleRetainSetting = OptionalLong.empty();
    private ArenaSafety arenaSafety = ArenaSafety.AUTO;
    private LeakDetection leakDetection = LeakDetection.OFF;
    private final EnumMap<Capability, String> preferredProviders = new EnumMap<>(Capability.class);

    PoolConfigBuilder() {
    }

    /** Copies what {@code c} was given, not what it derived (see {@link PoolConfig#toBuilder()}). */
    PoolConfigBuilder(PoolConfig c) {
        PoolConfig.PageSizes pages = c.pageSizes();
        pageSizes(pages.smallPageSize(), pages.mediumPageSize(), pages.largePageSize());
        PoolConfig.Capacities caps = c.capacities();
        maxNodesPerPool = caps.maxNodesPerPool();
        maxSearchResultsPerPool = caps.maxSearchResultsPerPool();
        maxJsonObjectsPerPool = caps.maxJsonObjectsPerPool();
        maxEmbeddingsPerPool = caps.maxEmbeddingsPerPool();
        initialPoolCapacity = caps.initialPoolCapacity();
        embeddingDimension = c.embeddings().embeddingDimension();
        embeddingAlignment = c.embeddings().embeddingAlignment();
        PoolConfig.ArenaSizes arenas = c.arenaSizes();
        arenaSizes(arenas.primitiveArenaSize(), arenas.searchArenaSize(), arenas.jsonArenaSize());
        maxTotalPoolMemoryMb = c.budget().maxTotalPoolMemoryMb();
        poolGrowthFactor = c.budget().poolGrowthFactor();
        arenaIdleRetainSetting = c.budget().arenaIdleRetainSetting();
        arenaSafety = c.safetyChecks().arenaSafety();
        leakDetection = c.safetyChecks().leakDetection();
        preferredProviders.putAll(c.preferredProviders());
    }

    /** The three arena page sizes, small to large; see {@link PoolConfig.PageSizes}. */
    public PoolConfigBuilder pageSizes(int small, int medium, int large) {
        smallPageSize = small;
        mediumPageSize = medium;
        largePageSize = large;
        return this;
    }

    /** The graph-node pool's limit; see {@link PoolConfig.Capacities}. */
    public PoolConfigBuilder maxNodesPerPool(int max) {
        maxNodesPerPool = max;
        return this;
    }

    /** The search-result pool's limit. */
    public PoolConfigBuilder maxSearchResultsPerPool(int max) {
        maxSearchResultsPerPool = max;
        return this;
    }

    /** The limit of each JSON map and list pool. */
    public PoolConfigBuilder maxJsonObjectsPerPool(int max) {
        maxJsonObjectsPerPool = max;
        return this;
    }

    /** The built-in embedding pool's limit. */
    public PoolConfigBuilder maxEmbeddingsPerPool(int max) {
        maxEmbeddingsPerPool = max;
        return this;
    }

    /** Objects each built-in pool creates up front, capped by its max. */
    public PoolConfigBuilder initialPoolCapacity(int initial) {
        initialPoolCapacity = initial;
        return this;
    }

    /** Floats per embedding; see {@link PoolConfig.Embeddings}. */
    public PoolConfigBuilder embeddingDimension(int floats) {
        embeddingDimension = floats;
        return this;
    }

    /** Byte alignment of every embedding, a power of two from 32 to 4096. */
    public PoolConfigBuilder embeddingAlignment(int bytes) {
        embeddingAlignment = bytes;
        return this;
    }

    /** The first-chunk sizes of PRIMITIVE, SEARCH and JSON arenas; see {@link PoolConfig.ArenaSizes}. */
    public PoolConfigBuilder arenaSizes(int primitive, int search, int json) {
        primitiveArenaSize = primitive;
        searchArenaSize = search;
        jsonArenaSize = json;
        return this;
    }

    /** The off-heap budget in MiB; see {@link PoolConfig.Budget}. */
    public PoolConfigBuilder maxTotalPoolMemoryMb(int mib) {
        maxTotalPoolMemoryMb = mib;
        return this;
    }

    /** The capacity multiplier when a pool grows, above 1 and at most 16. */
    public PoolConfigBuilder poolGrowthFactor(double factor) {
        poolGrowthFactor = factor;
        return this;
    }

    /** Idle arena pages kept for reuse; unless set, 64 MiB or a quarter of the budget, whichever is less. */
    public PoolConfigBuilder arenaIdleRetainBytes(long bytes) {
        arenaIdleRetainSetting = OptionalLong.of(bytes);
        return this;
    }

    /**
     * What arena memory guarantees after close: {@link ArenaSafety#AUTO} (the default),
     * {@link ArenaSafety#CHECKED} or {@link ArenaSafety#UNCHECKED}; see {@link ScopedArena}.
     */
    public PoolConfigBuilder arenaSafety(ArenaSafety safety) {
        arenaSafety = safety;
        return this;
    }

    /** Tracking of leases never released (default {@link LeakDetection#OFF}). */
    public PoolConfigBuilder leakDetection(LeakDetection mode) {
        leakDetection = mode;
        return this;
    }

    /**
     * Chooses the provider named {@code providerName} for a capability, over priority.
     *
     * @throws NullPointerException if {@code capability} is null
     */
    public PoolConfigBuilder preferProvider(Capability capability, String providerName) {
        preferredProviders.put(Objects.requireNonNull(capability, "capability"), providerName);
        return this;
    }

    /** Validates and builds; throws {@link InvalidConfigException} naming the first bad field. */
    public PoolConfig build() {
        return new PoolConfig(
                new PoolConfig.PageSizes(smallPageSize, mediumPageSize, largePageSize),
                new PoolConfig.Capacities(maxNodesPerPool, maxSearchResultsPerPool, maxJsonObjectsPerPool,
                        maxEmbeddingsPerPool, initialPoolCapacity),
                new PoolConfig.Embeddings(embeddingDimension, embeddingAlignment),
                new PoolConfig.ArenaSizes(primitiveArenaSize, searchArenaSize, jsonArenaSize),
                new PoolConfig.Budget(maxTotalPoolMemoryMb, poolGrowthFactor, arenaIdleRetainSetting),
                new PoolConfig.SafetyChecks(arenaSafety, leakDetection),
                preferredProviders);
    }
}

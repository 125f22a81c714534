package pools.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import pools.api.seed.GraphNode;
import pools.api.seed.SearchResult;
import pools.api.seed.SeedPools;
import pools.api.spi.AnalyticsProvider;
import pools.api.spi.AnalyticsService;
import pools.api.spi.ArenaManagerProvider;
import pools.api.spi.CapabilityProvider;
import pools.api.spi.EmbeddingPoolProvider;
import pools.api.spi.ObjectPoolProvider;
import pools.api.spi.PoolContext;
import pools.api.spi.PoolEvents;
import pools.api.spi.VectorKernelsProvider;

/**
 * The seed's facade: one system of pools built from a {@link PoolConfig}, composed from the
 * providers that {@link java.util.ServiceLoader} finds (or that the host passes), sharing one
 * {@link MemoryBudget}. It owns the embedding pool, the vector kernels, the arena manager and the
 * seed database's four object pools (graph nodes, search results, JSON maps and lists), which it
 * assembles from the generic specs of {@link SeedPools} with the chosen object-pool provider; it
 * takes analytics snapshots of them all and of the pools a host adds.
 *
 * <p>A capability whose module is absent does not stop the system from being built: its
 * accessor throws {@link ProviderNotFoundException} naming the module to add. Neither does a
 * provider that fails to load (a broken jar): it is skipped, listed by {@link #providerFailures()}
 * and in {@link #analytics()}, and named in that exception if its capability has no other provider.
 * Thread-safe.
 * {@link #close()} closes every pool and frees all off-heap memory.
 */
public final class MemoryPoolSystem implements AutoCloseable {
    private final PoolConfig config;
    private final Map<Capability, CapabilityProvider> chosen;
    private final List<ProviderFailure> providerFailures;
    private final AnalyticsService analytics;
    private final PoolContext context;
    private final VectorKernels kernels;
    /** Every pool in creation order, for snapshots and close; copy-on-write because pools are created rarely. */
    private final List<ObjectPool<?>> pools = new CopyOnWriteArrayList<>();
    private final ObjectPool<GraphNode> nodes;
    private final ObjectPool<SearchResult> searchResults;
    private final ObjectPool<Map<String, Object>> jsonObjects;
    private final ObjectPool<List<Object>> jsonArrays;
    private final EmbeddingPool embeddings;
    private final ArenaManager arenas;
    /** Trims the pools whose idle policy gives capacity back; its thread starts with the first such pool. */
    private final Housekeeper housekeeper = new Housekeeper();
    /** Written once by close() (volatile so later calls on any thread see it). */
    private volatile boolean closed;

    private MemoryPoolSystem(PoolConfig config, ProviderSelection selection) {
        this.config = config;
        EnumMap<Capability, CapabilityProvider> found = new EnumMap<>(Capability.class);
        AnalyticsProvider analyticsProvider = remember(found, selection.choose(Capability.ANALYTICS, AnalyticsProvider.class));
        ObjectPoolProvider objects = remember(found, selection.choose(Capability.OBJECT_POOLS, ObjectPoolProvider.class));
        EmbeddingPoolProvider embedding = remember(found, selection.choose(Capability.EMBEDDING_POOLS, EmbeddingPoolProvider.class));
        VectorKernelsProvider kernelProvider = remember(found, selection.choose(Capability.VECTOR_KERNELS, VectorKernelsProvider.class));
        ArenaManagerProvider arena = remember(found, selection.choose(Capability.ARENAS, ArenaManagerProvider.class));
        this.chosen = Collections.unmodifiableMap(found);
        this.providerFailures = selection.failures();
        this.analytics = analyticsProvider == null ? null : analyticsProvider.create(config);
        PoolEvents events = analytics == null ? PoolEvents.NONE : analytics.events();
        this.context = new PoolContext(config, new AtomicMemoryBudget(config.budget().maxTotalPoolMemoryBytes(), events), events);
        this.kernels = kernelProvider == null ? null : kernelProvider.kernels();
        try {
            nodes = objects == null ? null : register(objects.create(SeedPools.graphNodes(config), context));
            searchResults = objects == null ? null : register(objects.create(SeedPools.searchResults(config), context));
            jsonObjects = objects == null ? null : register(objects.create(SeedPools.jsonObjects(config), context));
            jsonArrays = objects == null ? null : register(objects.create(SeedPools.jsonArrays(config), context));
            embeddings = embedding == null ? null : register(embedding.create(EmbeddingPoolSpec.from(config), context));
            arenas = arena == null ? null : arena.create(context);
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
        if (analytics != null) {
            analytics.attach(this::analytics, pools());
        }
    }

    /** A system from {@code config} with every provider ServiceLoader finds. */
    public static MemoryPoolSystem create(PoolConfig config) {
        return builder(config).build();
    }

    /** A builder, for hosts that pass providers themselves or turn discovery off. */
    public static Builder builder(PoolConfig config) {
        return new Builder(config);
    }

    public PoolConfig config() {
        return config;
    }

    /** The provider chosen for each capability present; a missing capability has no entry. */
    public Map<Capability, String> providers() {
        EnumMap<Capability, String> names = new EnumMap<>(Capability.class);
        chosen.forEach((capability, provider) -> names.put(capability, provider.name()));
        return Collections.unmodifiableMap(names);
    }

    /** The discovered providers that failed to load or to answer, skipped when this system was built; usually empty. */
    public List<ProviderFailure> providerFailures() {
        return providerFailures;
    }

    /**
     * Every pool of this system, built-in and host-created, in creation order: an unmodifiable
     * live view, which sees pools created later and iterates over a snapshot, so it never throws
     * {@link java.util.ConcurrentModificationException}.
     */
    public List<ObjectPool<?>> pools() {
        return Collections.unmodifiableList(pools);
    }

    /** The off-heap budget every pool and arena of this system reserves against. */
    public MemoryBudget budget() {
        return context.budget();
    }

    /** The seed's graph nodes, up to {@link PoolConfig.Capacities#maxNodesPerPool()}; see {@link SeedPools#graphNodes}. */
    public ObjectPool<GraphNode> nodePool() {
        return require(nodes, Capability.OBJECT_POOLS);
    }

    /** The seed's search results, up to {@link PoolConfig.Capacities#maxSearchResultsPerPool()}. */
    public ObjectPool<SearchResult> searchResultPool() {
        return require(searchResults, Capability.OBJECT_POOLS);
    }

    /** JSON objects as maps, cleared on release, up to {@link PoolConfig.Capacities#maxJsonObjectsPerPool()}. */
    public ObjectPool<Map<String, Object>> jsonObjectPool() {
        return require(jsonObjects, Capability.OBJECT_POOLS);
    }

    /** JSON arrays as lists, cleared on release, up to {@link PoolConfig.Capacities#maxJsonObjectsPerPool()}. */
    public ObjectPool<List<Object>> jsonArrayPool() {
        return require(jsonArrays, Capability.OBJECT_POOLS);
    }

    /** Embeddings of {@link PoolConfig.Embeddings#embeddingDimension()} floats. */
    public EmbeddingPool embeddingPool() {
        return require(embeddings, Capability.EMBEDDING_POOLS);
    }

    /** Distance kernels over embeddings. */
    public VectorKernels kernels() {
        return require(kernels, Capability.VECTOR_KERNELS);
    }

    /** Scoped arenas. */
    public ArenaManager arenas() {
        return require(arenas, Capability.ARENAS);
    }

    /**
     * A host-defined object pool, included in analytics and closed with the system. If its spec's
     * {@link IdlePolicy} trims, the system's housekeeper thread (a daemon, started by the first
     * such pool) calls its {@link ObjectPool#trimIdle()} four times per idle timeout.
     */
    public <T> ObjectPool<T> createPool(ObjectPoolSpec<T> spec) {
        ObjectPoolProvider provider = require((ObjectPoolProvider) chosen.get(Capability.OBJECT_POOLS), Capability.OBJECT_POOLS);
        return watched(register(provider.create(spec, context)), spec.idle());
    }

    /**
     * A host-defined embedding pool sharing this system's budget, included in analytics, closed
     * with the system, and trimmed by the housekeeper as {@link #createPool} says.
     */
    public EmbeddingPool createEmbeddingPool(EmbeddingPoolSpec spec) {
        EmbeddingPoolProvider provider = require((EmbeddingPoolProvider) chosen.get(Capability.EMBEDDING_POOLS), Capability.EMBEDDING_POOLS);
        return watched(register(provider.create(spec, context)), spec.idle());
    }

    /** A snapshot of every pool, the arenas and the budget; exact when no thread is using the pools. */
    public PoolAnalytics analytics() {
        List<PoolStats> stats = new ArrayList<>(pools.size());
        for (ObjectPool<?> pool : pools) {
            stats.add(pool.stats());
        }
        return new PoolAnalytics(Instant.now(), config, providers(), stats,
                arenas == null ? null : arenas.stats(), context.budget().stats(),
                analytics == null ? List.of() : analytics.leaks(), providerFailures);
    }

    /** {@link #analytics()} as a JSON document. Needs module {@code pools.analytics}. */
    public String report() {
        return require(analytics, Capability.ANALYTICS).toJson(analytics());
    }

    /** Registers this system's MXBeans (unregistered on close). Needs module {@code pools.analytics}. */
    public void registerMBeans() {
        require(analytics, Capability.ANALYTICS).registerMBeans();
    }

    /** Closes every pool, the arena manager and analytics, in reverse order of creation. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        housekeeper.close();
        if (arenas != null) {
            arenas.close();
        }
        List<ObjectPool<?>> reversed = new ArrayList<>(pools);
        Collections.reverse(reversed);
        reversed.forEach(ObjectPool::close);
        if (analytics != null) {
            analytics.close();
        }
    }

    /**
     * One line: the providers, the budget, and the arena mode in words (which, when arenas are
     * unchecked for want of native access, names the flag that makes them checked).
     */
    @Override
    public String toString() {
        return "MemoryPoolSystem[providers=" + providers() + ", budget " + context.budget().reservedBytes()
                + " of " + context.budget().limitBytes() + " bytes reserved, arenas: "
                + (arenas == null ? "no arena provider" : arenas.stats().modeDescription()) + "]";
    }

    private <P extends ObjectPool<?>> P register(P pool) {
        if (closed) {
            pool.close();
            throw new PoolClosedException("this MemoryPoolSystem is closed; create pools from a live one");
        }
        pools.add(pool);
        return pool;
    }

    private <P extends ObjectPool<?>> P watched(P pool, IdlePolicy idle) {
        housekeeper.watch(pool, idle);
        return pool;
    }

    private <T> T require(T capability, Capability which) {
        if (capability == null) {
            throw ProviderNotFoundException.missing(which,
                    providerFailures.stream().filter(f -> f.capability() == which).toList());
        }
        return capability;
    }

    private static <P extends CapabilityProvider> P remember(Map<Capability, CapabilityProvider> found, P provider) {
        if (provider != null) {
            found.put(provider.capability(), provider);
        }
        return provider;
    }

    /** Builds a {@link MemoryPoolSystem} from explicit providers, discovered ones, or both. */
    public static final class Builder {
        private final PoolConfig config;
        private final List<CapabilityProvider> providers = new ArrayList<>();
        private boolean discover = true;

        private Builder(PoolConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /** Offers {@code provider} alongside (and before) the discovered ones. */
        public Builder provider(CapabilityProvider provider) {
            providers.add(Objects.requireNonNull(provider, "provider"));
            return this;
        }

        /** Whether to look for providers with ServiceLoader (default true). */
        public Builder discover(boolean useServiceLoader) {
            discover = useServiceLoader;
            return this;
        }

        public MemoryPoolSystem build() {
            return new MemoryPoolSystem(config, new ProviderSelection(config, providers, discover));
        }
    }
}

package pools.api.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import pools.api.ObjectPoolSpec;
import pools.api.PoolConfig;

/**
 * The specs of the seed database's four object pools, which {@link pools.api.MemoryPoolSystem}
 * builds with whatever generic object-pool provider it chose: graph nodes, search results, and
 * JSON objects and arrays ({@link JsonMap}s and JDK lists), each cleared on release. Their sizes come
 * from {@link PoolConfig.Capacities}; their growth from {@link PoolConfig.Budget}.
 *
 * <p>A host that is not that database never needs this class: it builds its own
 * {@link ObjectPoolSpec}s. Stateless and thread-safe; every method throws
 * {@link NullPointerException} if {@code config} is null.
 */
public final class SeedPools {
    /** The pool names the analytics, the JSON report and the metrics show. */
    public static final String GRAPH_NODES = "graph-nodes";
    public static final String SEARCH_RESULTS = "search-results";
    public static final String JSON_OBJECTS = "json-objects";
    public static final String JSON_ARRAYS = "json-arrays";

    private SeedPools() {
    }

    /** Graph nodes, up to {@code capacities().maxNodesPerPool()}. */
    public static ObjectPoolSpec<GraphNode> graphNodes(PoolConfig config) {
        return spec(config, GRAPH_NODES, GraphNode::new, GraphNode::clear, config.capacities().maxNodesPerPool());
    }

    /** Search results, up to {@code capacities().maxSearchResultsPerPool()}. */
    public static ObjectPoolSpec<SearchResult> searchResults(PoolConfig config) {
        return spec(config, SEARCH_RESULTS, SearchResult::new, SearchResult::clear,
                config.capacities().maxSearchResultsPerPool());
    }

    /**
     * JSON objects as {@link JsonMap}s (no allocation per entry once grown, unlike a
     * {@code HashMap}), up to {@code capacities().maxJsonObjectsPerPool()}.
     */
    public static ObjectPoolSpec<Map<String, Object>> jsonObjects(PoolConfig config) {
        return spec(config, JSON_OBJECTS, JsonMap::new, Map::clear, config.capacities().maxJsonObjectsPerPool());
    }

    /** JSON arrays as {@link ArrayList}s, up to {@code capacities().maxJsonObjectsPerPool()}. */
    public static ObjectPoolSpec<List<Object>> jsonArrays(PoolConfig config) {
        return spec(config, JSON_ARRAYS, ArrayList::new, List::clear, config.capacities().maxJsonObjectsPerPool());
    }

    private static <T> ObjectPoolSpec<T> spec(PoolConfig config, String name, Supplier<? extends T> factory,
                                              Consumer<? super T> reset, int max) {
        return ObjectPoolSpec.<T>builder(name, factory).reset(reset).maxCapacity(max)
                .initialCapacity(config.initialCapacityFor(max))
                .growthFactor(config.budget().poolGrowthFactor()).build();
    }
}

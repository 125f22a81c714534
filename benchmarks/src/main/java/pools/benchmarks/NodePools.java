package pools.benchmarks;

import java.util.ServiceLoader;
import pools.api.MemoryPoolSystem;
import pools.api.PoolConfig;
import pools.api.seed.GraphNode;
import pools.api.spi.ObjectPoolProvider;
import stormpot.Allocator;
import stormpot.Pooled;
import stormpot.Slot;

/** The graph-node pools the object-pool benchmarks compare: ours from the "fixed" provider, and Stormpot's allocator. */
final class NodePools {
    private NodePools() {
    }

    /**
     * A system whose graph-node pool holds {@code size} nodes made up front, built by the "fixed"
     * provider found through ServiceLoader (discovery of other providers off, so no other engine
     * can be chosen).
     */
    static MemoryPoolSystem fixedSystem(int size) {
        ObjectPoolProvider fixed = ServiceLoader.load(ObjectPoolProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(provider -> provider.name().equals("fixed")).findFirst().orElseThrow();
        return MemoryPoolSystem.builder(PoolConfig.builder().maxNodesPerPool(size).initialPoolCapacity(size).build())
                .discover(false).provider(fixed).build();
    }

    /** Stormpot's inline allocator of graph nodes; nothing to free on deallocation. */
    static Allocator<Pooled<GraphNode>> stormpotAllocator() {
        return new Allocator<>() {
            @Override
            public Pooled<GraphNode> allocate(Slot slot) {
                return new Pooled<>(slot, new GraphNode());
            }

            @Override
            public void deallocate(Pooled<GraphNode> poolable) {
            }
        };
    }
}

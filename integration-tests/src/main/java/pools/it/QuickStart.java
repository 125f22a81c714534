package pools.it;

import java.lang.foreign.MemorySegment;
import pools.api.ArenaKind;
import pools.api.Embedding;
import pools.api.MemoryPoolSystem;
import pools.api.ObjectPool;
import pools.api.PoolConfig;
import pools.api.ScopedArena;
import pools.api.seed.GraphNode;

/** The README's usage example, kept compiling and run by the integration tests. */
public final class QuickStart {
    private QuickStart() {
    }

    public static void main(String[] args) {
        PoolConfig config = PoolConfig.builder().maxTotalPoolMemoryMb(64).build();
        try (MemoryPoolSystem pools = MemoryPoolSystem.create(config)) {
            ObjectPool<GraphNode> nodes = pools.nodePool();
            GraphNode node = nodes.acquire();
            node.id(42).label("README.md").addEdge(7);
            nodes.release(node);                          // reset, back in the pool

            Embedding query = pools.embeddingPool().acquire();
            query.set(0, 1f);
            float self = pools.kernels().cosine(query, query);
            pools.embeddingPool().release(query);         // zeroed on release

            try (ScopedArena scratch = pools.arenas().acquire(ArenaKind.PRIMITIVE)) {
                MemorySegment buffer = scratch.allocate(1024, 64);
                buffer.fill((byte) 1);
            }                                             // O(1) reset, pages reused

            System.out.println("cosine(q, q) = " + self);
            System.out.println(pools.report());
        }
    }
}

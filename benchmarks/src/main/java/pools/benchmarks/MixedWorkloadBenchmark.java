package pools.benchmarks;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import pools.api.ArenaKind;
import pools.api.Embedding;
import pools.api.MemoryPoolSystem;
import pools.api.PoolConfig;
import pools.api.ScopedArena;
import pools.api.VectorKernels;
import pools.api.seed.GraphNode;
import pools.api.seed.SearchResult;

/**
 * One "query" of the Agrama hot path: a graph node with edges, a search result, a JSON map for
 * the answer, 256 bytes of arena scratch, and one 768-dim embedding scored against a stored one.
 * {@code pooled} takes everything from a {@link MemoryPoolSystem}; {@code unpooled} creates it
 * all ({@code new}, {@code HashMap}, {@code Arena.ofConfined()}). Run with {@code -prof gc} for
 * B/op and the GC time share.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class MixedWorkloadBenchmark {
    private static final int DIMENSION = 768;
    private static final long VECTOR_BYTES = DIMENSION * Float.BYTES;

    private MemoryPoolSystem system;
    private VectorKernels kernels;
    private Embedding stored;
    private long queryId;

    @Setup(Level.Trial)
    public void setUp() {
        system = MemoryPoolSystem.create(PoolConfig.builder().embeddingDimension(DIMENSION)
                .maxTotalPoolMemoryMb(64).build());
        kernels = system.kernels();
        stored = system.embeddingPool().acquire();
        for (int i = 0; i < DIMENSION; i++) {
            stored.set(i, (i % 7) * 0.25f);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        system.embeddingPool().release(stored);
        system.close();
    }

    @Benchmark
    public float pooled() {
        long id = ++queryId;
        GraphNode node = system.nodePool().acquire();
        SearchResult result = system.searchResultPool().acquire();
        Map<String, Object> answer = system.jsonObjectPool().acquire();
        Embedding query = system.embeddingPool().acquire();
        try (ScopedArena scratch = system.arenas().acquire(ArenaKind.SEARCH)) {
            MemorySegment buffer = scratch.allocate(256, 8);
            return runQuery(id, node, result, answer, query.segment(), buffer);
        } finally {
            system.embeddingPool().release(query);
            system.jsonObjectPool().release(answer);
            system.searchResultPool().release(result);
            system.nodePool().release(node);
        }
    }

    @Benchmark
    public float unpooled() {
        long id = ++queryId;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment query = arena.allocate(VECTOR_BYTES, 64);
            MemorySegment buffer = arena.allocate(256, 8);
            return runQuery(id, new GraphNode(), new SearchResult(), new HashMap<>(), query, buffer);
        }
    }

    /** The same work on either kind of memory: fill, score, and write the answer. */
    private float runQuery(long id, GraphNode node, SearchResult result, Map<String, Object> answer,
                           MemorySegment query, MemorySegment scratch) {
        node.id(id).label("doc").addEdge(id + 1).addEdge(id + 2).addEdge(id + 3).addEdge(id + 4);
        for (int i = 0; i < DIMENSION; i += 16) {
            query.setAtIndex(ValueLayout.JAVA_FLOAT, i, (float) (id % 13));
        }
        scratch.fill((byte) id);
        float score = kernels.cosine(query, stored.segment());
        result.nodeId(node.id()).score(score).rank(1);
        answer.put("id", node.id());
        answer.put("edges", node.edgeCount());
        answer.put("results", List.of());
        return score + scratch.get(ValueLayout.JAVA_BYTE, 255) + answer.size();
    }
}

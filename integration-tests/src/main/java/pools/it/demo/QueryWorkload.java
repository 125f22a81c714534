package pools.it.demo;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import pools.api.ArenaKind;
import pools.api.Embedding;
import pools.api.GraphNode;
import pools.api.MemoryPoolSystem;
import pools.api.Metric;
import pools.api.Neighbors;
import pools.api.SearchResult;
import pools.api.VectorKernels;

/**
 * One Agrama query, the way the database's hot path runs it: save the document through scratch
 * memory ({@link FileSaver}), add its graph nodes, embed the query and find its k nearest
 * documents over the pooled corpus embeddings, and answer with JSON maps and lists rendered to
 * bytes. Where the objects and scratch memory come from is the {@link QueryMemory} passed to
 * {@link #run}: the same code runs pooled and {@code new}-everything.
 *
 * <p>The corpus (the database's stored embeddings) is acquired once from the embedding pool and
 * released by {@link #close()}. Single-threaded.
 */
final class QueryWorkload implements AutoCloseable {
    static final int K = 10;
    private static final int CORPUS = 64;
    private static final int NODES_PER_QUERY = 4;
    private static final int FILE_SLOTS = 8;
    private static final int ANSWER_BYTES = 8 * 1024;

    private final MemoryPoolSystem system;
    private final VectorKernels kernels;
    private final List<Embedding> corpus = new ArrayList<>(CORPUS);
    private final String[] paths = new String[CORPUS];
    private final byte[][] documents = new byte[FILE_SLOTS][];
    private final GraphNode[] nodes = new GraphNode[NODES_PER_QUERY];
    private final SearchResult[] results = new SearchResult[K];
    private final AnswerWriter writer = new AnswerWriter();
    private final FileSaver saver = new FileSaver(FILE_SLOTS);
    private final int dimension;

    QueryWorkload(MemoryPoolSystem system) {
        this.system = system;
        this.kernels = system.kernels();
        this.dimension = system.embeddingPool().dimension();
        for (int d = 0; d < CORPUS; d++) {
            Embedding embedding = system.embeddingPool().acquire();
            for (int i = 0; i < dimension; i++) {
                embedding.set(i, (float) Math.sin(d * 0.37 + i * 0.11 + (d % 7) * i * 0.003));
            }
            corpus.add(embedding);
            paths[d] = "docs/topic-" + d + "/notes.md";
        }
        for (int f = 0; f < FILE_SLOTS; f++) {
            documents[f] = ("# Note " + f + "\r\n" + "graph memory pools, query ".repeat(40 + f * 10) + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** Runs query number {@code query} with {@code memory}; returns a checksum of what it produced. */
    long run(long query, QueryMemory memory) {
        int slot = (int) (query % FILE_SLOTS);
        SegmentAllocator primitive = memory.open(ArenaKind.PRIMITIVE);
        long checksum;
        try {
            checksum = saver.save(slot, documents[slot], primitive);
        } finally {
            memory.close(primitive);
        }

        for (int i = 0; i < NODES_PER_QUERY; i++) {
            nodes[i] = memory.node().id(query * NODES_PER_QUERY + i).label(paths[(int) ((query + i) % CORPUS)])
                    .timestampMillis(query);
        }
        for (int i = 0; i + 1 < NODES_PER_QUERY; i++) {
            nodes[i].addEdge(nodes[i + 1].id());
        }
        for (int i = 0; i < NODES_PER_QUERY; i++) {
            checksum += nodes[i].edgeCount();
            memory.free(nodes[i]);
        }

        SegmentAllocator search = memory.open(ArenaKind.SEARCH);
        try {
            MemorySegment vector = search.allocate(ValueLayout.JAVA_FLOAT, dimension);
            MemorySegment.copy(corpus.get((int) (query % CORPUS)).segment(), 0, vector, 0, vector.byteSize());
            for (int i = (int) (query % 16); i < dimension; i += 16) {
                vector.setAtIndex(ValueLayout.JAVA_FLOAT, i, vector.getAtIndex(ValueLayout.JAVA_FLOAT, i) * 0.5f);
            }
            Neighbors nearest = memory.neighbors(K);
            kernels.topK(vector, corpus, Metric.COSINE, nearest);
            for (int r = 0; r < nearest.size(); r++) {
                int index = nearest.index(r);
                results[r] = memory.result().nodeId(index).score(nearest.score(r)).rank(r).path(paths[index]);
            }
            checksum += answer(query, nearest.size(), memory);
            for (int r = 0; r < nearest.size(); r++) {
                memory.free(results[r]);
            }
        } finally {
            memory.close(search);
        }
        return checksum;
    }

    /** Builds the answer from JSON maps and lists, renders it into a JSON arena, frees them; returns its length. */
    private long answer(long query, int hits, QueryMemory memory) {
        Map<String, Object> answer = memory.object();
        List<Object> list = memory.array();
        answer.put("query", Long.valueOf(query));
        answer.put("metric", "cosine");
        for (int r = 0; r < hits; r++) {
            Map<String, Object> hit = memory.object();
            hit.put("path", results[r].path());
            hit.put("node", Long.valueOf(results[r].nodeId()));
            hit.put("rank", Integer.valueOf(results[r].rank()));
            hit.put("score", Float.valueOf(results[r].score()));
            list.add(hit);
        }
        answer.put("hits", list);
        SegmentAllocator json = memory.open(ArenaKind.JSON);
        long length;
        try {
            length = writer.write(answer, json.allocate(ANSWER_BYTES));
        } finally {
            memory.close(json);
        }
        for (Object hit : list) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) hit;
            memory.freeObject(map);
        }
        memory.freeArray(list);
        memory.freeObject(answer);
        return length;
    }

    /** Gives the corpus back to the embedding pool and deletes the saved files. */
    @Override
    public void close() {
        corpus.forEach(system.embeddingPool()::release);
        corpus.clear();
        saver.close();
    }
}

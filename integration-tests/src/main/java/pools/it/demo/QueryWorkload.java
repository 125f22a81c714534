package pools.it.demo;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.util.List;
import java.util.Map;
import pools.api.ArenaKind;
import pools.api.Metric;
import pools.api.Neighbors;
import pools.api.VectorKernels;
import pools.api.seed.GraphNode;
import pools.api.seed.SearchResult;

/**
 * One Agrama query over a {@link CorpusIndex}, the way the database's hot path runs it: the
 * query vector in a SEARCH arena (a file's identifiers, or its perturbed embedding), the k
 * nearest files by cosine over the pooled embeddings, each hit expanded along its graph edges
 * into a node of the answer's subgraph, and a JSON answer built from maps and lists and
 * rendered into a JSON arena. Where objects and scratch memory come from is the
 * {@link QueryMemory} passed to {@link #run}: the same code runs pooled and {@code new}-everything.
 *
 * <p>One per thread (it keeps its arrays and writer between queries); the index is shared.
 */
final class QueryWorkload {
    static final int K = 10;
    /** Graph neighbours of each hit carried into the answer. */
    static final int RELATED = 4;
    private static final int ANSWER_BYTES = 16 * 1024;
    private static final int VECTOR_ALIGNMENT = 64;

    private final CorpusIndex index;
    private final VectorKernels kernels;
    private final SearchResult[] results = new SearchResult[K];
    private final GraphNode[] expanded = new GraphNode[K];
    private final JsonNumber[] scores = new JsonNumber[K];
    private final AnswerWriter writer = new AnswerWriter();

    QueryWorkload(CorpusIndex index, VectorKernels kernels) {
        this.index = index;
        this.kernels = kernels;
    }

    /** Runs query number {@code query} with {@code memory}; returns a digest of its answer's content. */
    long run(long query, QueryMemory memory) {
        SegmentAllocator search = memory.open(ArenaKind.SEARCH);
        try {
            Neighbors nearest = search(query, memory, search);
            int hits = nearest.size();
            for (int r = 0; r < hits; r++) {
                int file = nearest.index(r);
                results[r] = memory.result().nodeId(file).score(nearest.score(r)).rank(r).path(index.path(file));
                expanded[r] = expand(file, memory);
            }
            long digest = answer(query, hits, memory);
            for (int r = 0; r < hits; r++) {
                memory.free(results[r]);
                memory.free(expanded[r]);
            }
            return digest;
        } finally {
            memory.close(search);
        }
    }

    /**
     * The query's vector in {@code search}, and its k nearest files. The vector is aligned as the
     * pooled embeddings are: a vector load that straddles two cache lines on every step costs the
     * scan about a fifth of its speed.
     */
    private Neighbors search(long query, QueryMemory memory, SegmentAllocator search) {
        MemorySegment vector = search.allocate((long) index.dimension() * Float.BYTES, VECTOR_ALIGNMENT);
        index.queryVector(query, vector);
        Neighbors nearest = memory.neighbors(K);
        kernels.topK(vector, index.embeddings(), Metric.COSINE, nearest);
        return nearest;
    }

    /** The hit's node in the answer's subgraph: the stored node's label and first {@link #RELATED} edges. */
    private GraphNode expand(int file, QueryMemory memory) {
        GraphNode stored = index.node(file);
        GraphNode node = memory.node().id(file).label(stored.label());
        for (int e = 0; e < Math.min(RELATED, stored.edgeCount()); e++) {
            node.addEdge(stored.edge(e));
        }
        return node;
    }

    /** Builds the answer from JSON maps and lists, renders it into a JSON arena, frees them; returns its digest. */
    private long answer(long query, int hits, QueryMemory memory) {
        Map<String, Object> answer = memory.object();
        List<Object> list = memory.array();
        answer.put("from", index.path(index.queryFile(query)));
        answer.put("by", CorpusIndex.byIdentifiers(query) ? "identifiers" : "perturbed embedding");
        for (int r = 0; r < hits; r++) {
            Map<String, Object> hit = memory.object();
            hit.put("path", results[r].path());
            hit.put("node", index.id((int) results[r].nodeId()));
            hit.put("rank", Integer.valueOf(results[r].rank()));
            scores[r] = memory.number().set(results[r].score());
            hit.put("score", scores[r]);
            List<Object> related = memory.array();
            for (int e = 0; e < expanded[r].edgeCount(); e++) {
                related.add(index.path((int) expanded[r].edge(e)));
            }
            hit.put("related", related);
            list.add(hit);
        }
        answer.put("hits", list);
        SegmentAllocator json = memory.open(ArenaKind.JSON);
        try {
            writer.write(answer, json.allocate(ANSWER_BYTES));
        } finally {
            memory.close(json);
        }
        for (int r = 0; r < hits; r++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> hit = (Map<String, Object>) list.get(r);
            @SuppressWarnings("unchecked")
            List<Object> related = (List<Object>) hit.get("related");
            memory.freeArray(related);
            memory.free(scores[r]);
            memory.freeObject(hit);
        }
        memory.freeArray(list);
        memory.freeObject(answer);
        return writer.digest();
    }

    /** The nearest files of query {@code query} as the kernels found them, for checking against a brute force. */
    int[] nearest(long query, QueryMemory memory) {
        SegmentAllocator search = memory.open(ArenaKind.SEARCH);
        try {
            Neighbors nearest = search(query, memory, search);
            int[] files = new int[nearest.size()];
            for (int r = 0; r < files.length; r++) {
                files[r] = nearest.index(r);
            }
            return files;
        } finally {
            memory.close(search);
        }
    }
}

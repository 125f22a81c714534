package pools.it.demo;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import pools.api.ArenaKind;
import pools.api.Embedding;
import pools.api.MemoryPoolSystem;
import pools.api.ScopedArena;
import pools.api.seed.GraphNode;

/**
 * The database the queries run against, built from a {@link CorpusSource}: every file goes
 * through {@link FileSaver} (the seed's {@code saveFileOptimized}: validation and normalization in
 * a PRIMITIVE arena, given back when the file is done), its identifiers become a normalized
 * feature-hashed embedding held in the system's embedding pool, and it becomes a graph node
 * from the node pool with an edge to every corpus file it imports or names. Embeddings and
 * nodes are held until {@link #close()}: they are the stored data, not per-query objects.
 * Files that are not text (a NUL byte) are skipped and counted.
 *
 * <p>Read-only once built, so any number of query threads may share it.
 */
final class CorpusIndex implements AutoCloseable {
    /** Files on disk the saver rewrites in turn, as a database rewrites its pages. */
    private static final int SAVE_SLOTS = 16;

    private final MemoryPoolSystem system;
    private final int dimension;
    private final List<Embedding> embeddings = new ArrayList<>();
    private final List<GraphNode> nodes = new ArrayList<>();
    private final List<String> paths = new ArrayList<>();
    /** Node ids boxed once at indexing, so answers carry them without boxing per query. */
    private final List<Long> ids = new ArrayList<>();
    private final List<int[]> samples = new ArrayList<>();
    private final FileSaver saver = new FileSaver(SAVE_SLOTS);
    private long bytes;
    private int skipped;
    private long edges;

    private CorpusIndex(MemoryPoolSystem system) {
        this.system = system;
        this.dimension = system.embeddingPool().dimension();
    }

    /** Indexes every file of {@code source}, reporting to {@code progress}. */
    static CorpusIndex build(MemoryPoolSystem system, CorpusSource source, Progress progress) {
        CorpusIndex index = new CorpusIndex(system);
        FileFeatures features = new FileFeatures();
        List<long[]> references = new ArrayList<>();
        Map<Long, Integer> byName = new HashMap<>();
        source.read((entry, content) -> {
            if (index.add(entry.path(), content, features)) {
                references.add(features.references());
                byName.putIfAbsent(features.qualifiedName(simpleName(entry.path())), index.size() - 1);
            }
            progress.update(index.size() + index.skipped, index.bytes);
        });
        progress.done(index.size() + index.skipped, index.bytes);
        for (int file = 0; file < references.size(); file++) {
            for (long name : references.get(file)) {
                Integer target = byName.get(name);
                if (target != null && target != file) {
                    index.nodes.get(file).addEdge(target);
                    index.edges++;
                }
            }
        }
        return index;
    }

    private boolean add(String path, byte[] content, FileFeatures features) {
        int file = size();
        try (ScopedArena scratch = system.arenas().acquire(ArenaKind.PRIMITIVE)) {
            MemorySegment text;
            try {
                text = saver.save(file % SAVE_SLOTS, content, scratch);
            } catch (IllegalArgumentException notText) {
                skipped++;
                return false;
            }
            MemorySegment counts = scratch.allocate(ValueLayout.JAVA_FLOAT, dimension);
            counts.fill((byte) 0);
            features.scan(text, counts, dimension);
            Embedding embedding = system.embeddingPool().acquire();
            normalizeInto(counts, embedding.segment());
            embeddings.add(embedding);
        }
        nodes.add(system.nodePool().acquire().id(file).label(path));
        paths.add(path);
        ids.add((long) file);
        samples.add(features.querySample());
        bytes += content.length;
        return true;
    }

    private void normalizeInto(MemorySegment counts, MemorySegment vector) {
        double squares = 0;
        for (int i = 0; i < dimension; i++) {
            double c = counts.getAtIndex(ValueLayout.JAVA_FLOAT, i);
            squares += c * c;
        }
        float scale = squares == 0 ? 0f : (float) (1 / Math.sqrt(squares));
        for (int i = 0; i < dimension; i++) {
            vector.setAtIndex(ValueLayout.JAVA_FLOAT, i, counts.getAtIndex(ValueLayout.JAVA_FLOAT, i) * scale);
        }
    }

    private static String simpleName(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    int size() {
        return embeddings.size();
    }

    /** Bytes of the indexed files as read. */
    long bytes() {
        return bytes;
    }

    int skipped() {
        return skipped;
    }

    long edges() {
        return edges;
    }

    int dimension() {
        return dimension;
    }

    List<Embedding> embeddings() {
        return embeddings;
    }

    GraphNode node(int file) {
        return nodes.get(file);
    }

    String path(int file) {
        return paths.get(file);
    }

    Long id(int file) {
        return ids.get(file);
    }

    /** The file query number {@code query} starts from: spread over the corpus, the same every run. */
    int queryFile(long query) {
        long mixed = (query + 1) * 0x9e3779b97f4a7c15L;
        return (int) Long.remainderUnsigned(mixed ^ (mixed >>> 31), size());
    }

    /** True when query {@code query} is made of its file's identifiers, false for a perturbed embedding. */
    static boolean byIdentifiers(long query) {
        return (query & 1) == 0;
    }

    /**
     * Writes query {@code query}'s vector into {@code vector} ({@link #dimension()} floats):
     * the sampled identifiers of its file, feature-hashed as indexing does, or the file's own
     * embedding with every sixteenth component halved (from an offset that moves with the query).
     */
    void queryVector(long query, MemorySegment vector) {
        int file = queryFile(query);
        int[] sample = samples.get(file);
        if (byIdentifiers(query) && sample.length > 0) {
            vector.fill((byte) 0);
            for (int feature : sample) {
                int bucket = feature < 0 ? ~feature : feature;
                float unit = feature < 0 ? -1f : 1f;
                vector.setAtIndex(ValueLayout.JAVA_FLOAT, bucket, vector.getAtIndex(ValueLayout.JAVA_FLOAT, bucket) + unit);
            }
        } else {
            MemorySegment.copy(embeddings.get(file).segment(), 0, vector, 0, (long) dimension * Float.BYTES);
            for (int i = (int) (query % 16); i < dimension; i += 16) {
                vector.setAtIndex(ValueLayout.JAVA_FLOAT, i, vector.getAtIndex(ValueLayout.JAVA_FLOAT, i) * 0.5f);
            }
        }
    }

    /** Gives the embeddings and nodes back to their pools and deletes the saved files. */
    @Override
    public void close() {
        embeddings.forEach(system.embeddingPool()::release);
        nodes.forEach(system.nodePool()::release);
        embeddings.clear();
        nodes.clear();
        saver.close();
    }
}

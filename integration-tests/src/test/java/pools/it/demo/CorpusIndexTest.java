package pools.it.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pools.api.MemoryPoolSystem;
import pools.api.ObjectPool;
import pools.api.ObjectPoolSpec;
import pools.api.PoolConfig;
import pools.api.seed.GraphNode;

/** Indexing a small tree: text only, edges where files import or name each other, unit embeddings, checked queries. */
class CorpusIndexTest {

    @Test
    void filesBecomeNodesWithEdgesToWhatTheyImportOrNameAndQueriesAgreeBothWays(@TempDir Path dir) throws IOException {
        write(dir.resolve("a/App.java"), "package a;\nimport b.Store;\nimport java.util.List;\n"
                + "class App { Store store; List<String> names; }\n");
        write(dir.resolve("b/Store.java"), "package b;\r\nclass Store { Page first; Page next; int count; }\r\n");
        write(dir.resolve("b/Page.java"), "package b;\nclass Page { byte[] bytes; long offset; Store owner; }\n");
        Files.write(dir.resolve("b/blob.bin"), new byte[] {1, 2, 0, 3});
        Files.createDirectories(dir.resolve("target"));
        write(dir.resolve("target/Ignored.java"), "package x; class Ignored {}");

        CorpusSource source = CorpusSource.open(dir, 100);
        assertEquals(List.of("a/App.java", "b/Page.java", "b/Store.java", "b/blob.bin"),
                source.entries().stream().map(CorpusSource.Entry::path).toList(), "build output is skipped");
        PoolConfig config = PoolConfig.builder().maxEmbeddingsPerPool(8).maxTotalPoolMemoryMb(64).build();
        try (MemoryPoolSystem system = MemoryPoolSystem.create(config);
             CorpusIndex index = CorpusIndex.build(system, source,
                     new Progress(System.out, false, source.entries().size(), source.totalBytes()))) {
            assertEquals(3, index.size());
            assertEquals(1, index.skipped(), "the file with a NUL byte is not text");
            assertEquals(List.of(2L), edges(index.node(0)), "App imports b.Store");
            assertEquals(List.of(2L), edges(index.node(1)), "Page names Store, in its package");
            assertEquals(List.of(1L), edges(index.node(2)), "Store names Page, in its package");
            for (int file = 0; file < index.size(); file++) {
                float norm = system.kernels().dot(index.embeddings().get(file), index.embeddings().get(file));
                assertEquals(1f, norm, 1e-5f, index.path(file) + " has a unit embedding");
            }

            ObjectPool<JsonNumber> numbers = system.createPool(ObjectPoolSpec.<JsonNumber>builder("numbers",
                    JsonNumber::new).maxCapacity(64).build());
            QueryWorkload workload = new QueryWorkload(index, system.kernels());
            QueryMemory pooled = QueryMemory.pooled(system, numbers, QueryWorkload.K);
            BruteForce bruteForce = new BruteForce(index);
            for (long query = 0; query < 16; query++) {
                assertEquals(workload.run(query, QueryMemory.unpooled()), workload.run(query, pooled), "query " + query);
                int[] nearest = workload.nearest(query, pooled);
                assertEquals(3, nearest.length, "k is capped by the corpus");
                assertTrue(bruteForce.agrees(query, nearest), "query " + query);
            }
            assertEquals(0, numbers.stats().inUse());
        }
    }

    private static List<Long> edges(GraphNode node) {
        List<Long> edges = new ArrayList<>();
        for (int e = 0; e < node.edgeCount(); e++) {
            edges.add(node.edge(e));
        }
        return edges;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.US_ASCII);
    }
}

package pools.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's demo host runs to completion (briefly, on this project's own API sources) in a
 * fresh JVM: it indexes, checks its answers (it exits non-zero if pooled and new-everything
 * disagree or the top-k differs from the brute force), and prints a parseable report, the
 * summary lines the README promises, and the path of a PNG chart.
 */
class DemoHostTest {
    static {
        // jackson-core is on the test module path as pools.analytics' dependency, but module
        // pools.it (which these tests are patched into) does not require it: read it here,
        // before any of its classes is resolved.
        ModuleLayer.boot().findModule("com.fasterxml.jackson.core").ifPresent(DemoHostTest.class.getModule()::addReads);
    }

    @Test
    void theDemoIndexesChecksAndPrintsAReportASummaryAndAChart(@TempDir Path dir) throws IOException {
        Path sources = Path.of(System.getProperty("pools.it.hostClasses")).resolve("../../../modules/pools-api/src/main/java")
                .normalize();
        Path chart = dir.resolve("chart.png");
        HostLauncher.Outcome outcome = HostLauncher.withAllProviders().runModule("pools.it.demo.DemoHost",
                ModulePathDiscoveryTest.WITH_VECTOR, "--corpus", sources.toString(), "--files", "30",
                "--seconds", "2", "--threads", "2", "--chart", chart.toString());
        assertEquals(0, outcome.exitCode(), outcome.stderr() + outcome.stdout());
        ModulePathDiscoveryTest.assertOnlyTheIncubatorNotice(outcome.stderr());
        String out = outcome.stdout();
        assertTrue(out.lines().anyMatch(l -> l.matches("indexing: 100 %, 30/30 files, .* took [\\d.]+ s")), out);

        int begin = out.indexOf("--- report (JSON) ---");
        int end = out.indexOf("--- end of report ---");
        assertTrue(begin >= 0 && end > begin, out);
        Map<?, ?> report = (Map<?, ?>) parse(out.substring(out.indexOf('\n', begin) + 1, end));
        List<?> pools = (List<?>) report.get("pools");
        for (String name : List.of("search-results", "json-objects", "json-arrays", "json-numbers", "graph-nodes")) {
            Map<?, ?> pool = pools.stream().map(p -> (Map<?, ?>) p).filter(p -> name.equals(p.get("name")))
                    .findFirst().orElseThrow(() -> new AssertionError("no pool " + name + " in " + pools));
            assertTrue((Long) pool.get("hits") > 0, name + ": " + pool);
            // the index holds one node per file for the whole run; queries give back all of theirs
            long held = name.equals("graph-nodes") ? 30 : 0;
            assertEquals(held, (Long) pool.get("allocated") - (Long) pool.get("freed"), name + ": " + pool);
        }
        assertEquals(0L, ((Map<?, ?>) report.get("arenas")).get("activeArenas"));

        String summary = out.substring(out.indexOf("--- summary ---"));
        assertTrue(summary.lines().anyMatch(l -> l.matches("corpus: 30 files, [\\d.]+ MB .*")), summary);
        for (String way : List.of("pooled:", "new-everything:")) {
            assertTrue(summary.lines().anyMatch(l -> l.matches(way + " +[\\d,]+ queries/s flat out; at the offered rate "
                    + "p50 [\\d,]+ µs, p99 [\\d,]+ µs, p99.9 [\\d,]+ µs, max [\\d,]+ µs; GC [\\d,]+ collections, [\\d,]+ ms")),
                    way + " missing from\n" + summary);
        }
        assertTrue(summary.lines().anyMatch(l -> l.matches("latency p99.9: pooled [\\d,]+ µs, new-everything [\\d,]+ µs")),
                summary);
        assertTrue(summary.lines().anyMatch(l -> l.matches("heap bytes/query: pooled [\\d,.]+, new-everything [\\d,.]+ .*")),
                summary);
        assertTrue(summary.lines().anyMatch(l -> l.matches("pooled remainder: [\\d,.]+ B/query in the query loops = "
                + "[\\d.]+ MemorySegment objects of \\d+ B .*; ([\\d,.]+ B/query|none measurable) outside the loops .*")), summary);
        assertTrue(summary.lines().anyMatch(l -> l.matches("answers: pooled and new-everything agree on the first 256 "
                + "queries; top-10 equals a double-precision brute force on 32 of them")), summary);
        assertTrue(summary.lines().anyMatch(l -> l.matches("held: 30 embeddings and 30 graph nodes, .*"
                + "objects still held by queries: 0")), summary);
        assertTrue(summary.lines().anyMatch(l -> l.equals("chart: " + chart.toAbsolutePath())), summary);
        byte[] png = Files.readAllBytes(chart);
        assertEquals("PNG", new String(png, 1, 3, StandardCharsets.US_ASCII), "a PNG file");
    }

    /** The document as maps, lists, strings, Long and Double, with jackson-core's streaming parser. */
    private static Object parse(String json) throws IOException {
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            Object value = value(parser, parser.nextToken());
            assertEquals(null, parser.nextToken(), "one JSON document");
            return value;
        }
    }

    private static Object value(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    object.put(name, value(parser, parser.nextToken()));
                }
                yield object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    array.add(value(parser, next));
                }
                yield array;
            }
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getLongValue();
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE, VALUE_FALSE -> parser.getBooleanValue();
            case VALUE_NULL -> null;
            default -> throw new AssertionError("unexpected " + token + " at " + parser.currentLocation());
        };
    }
}

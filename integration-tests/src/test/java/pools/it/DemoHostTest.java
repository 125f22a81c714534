package pools.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's demo host runs to completion (briefly) in a fresh JVM and prints a report and a summary. */
class DemoHostTest {
    static {
        // jackson-core is on the test module path as pools.analytics' dependency, but module
        // pools.it (which these tests are patched into) does not require it: read it here,
        // before any of its classes is resolved.
        ModuleLayer.boot().findModule("com.fasterxml.jackson.core").ifPresent(DemoHostTest.class.getModule()::addReads);
    }

    @Test
    void theDemoRunsPrintsAParseableReportWithCountsAndASummary() throws IOException {
        HostLauncher.Outcome outcome = HostLauncher.withAllProviders()
                .runModule("pools.it.demo.DemoHost", ModulePathDiscoveryTest.WITH_VECTOR, "--seconds", "1.2");
        assertEquals(0, outcome.exitCode(), outcome.stderr() + outcome.stdout());
        ModulePathDiscoveryTest.assertOnlyTheIncubatorNotice(outcome.stderr());
        String out = outcome.stdout();
        assertTrue(out.lines().anyMatch(l -> l.matches("\\[\\s*1\\.\\d s] [\\d,]+ queries, .*hit rate .*")), out);

        int begin = out.indexOf("--- report (JSON) ---");
        int end = out.indexOf("--- end of report ---");
        assertTrue(begin >= 0 && end > begin, out);
        Map<?, ?> report = (Map<?, ?>) parse(out.substring(out.indexOf('\n', begin) + 1, end));
        List<?> pools = (List<?>) report.get("pools");
        for (String name : List.of("graph-nodes", "search-results", "json-objects", "json-arrays")) {
            Map<?, ?> pool = pools.stream().map(p -> (Map<?, ?>) p).filter(p -> name.equals(p.get("name")))
                    .findFirst().orElseThrow(() -> new AssertionError("no pool " + name + " in " + pools));
            assertTrue((Long) pool.get("allocated") > 0 && (Long) pool.get("hits") > 0, name + ": " + pool);
            assertEquals(pool.get("allocated"), pool.get("freed"), name + ": the demo releases everything");
        }
        assertTrue((Long) ((Map<?, ?>) report.get("totals")).get("allocationsSaved") > 0);
        assertTrue((Long) ((Map<?, ?>) report.get("arenas")).get("acquisitions") > 0);
        assertEquals(0L, ((Map<?, ?>) report.get("arenas")).get("activeArenas"));

        String summary = out.substring(out.indexOf("--- summary ---"));
        for (String line : List.of("pooled:", "new-everything:", "hit rate:", "heap bytes/query:", "answers:")) {
            assertTrue(summary.lines().anyMatch(l -> l.startsWith(line)), line + " missing from\n" + summary);
        }
        assertTrue(summary.lines().anyMatch(l -> l.matches("pooled: +[\\d,]+ queries in [\\d.]+ s = [\\d,]+ queries/s")), summary);
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

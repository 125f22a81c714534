package pools.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One row of JMH's JSON output ({@code -rf json}): which benchmark, with which threads and
 * parameters, its score, and the allocation per operation when it ran with {@code -prof gc}.
 *
 * @param benchmark    {@code Class.method}, without the package
 * @param mode         JMH's mode: thrpt, avgt, sample or ss
 * @param threads      threads that ran it
 * @param params       the {@code @Param} values, sorted by name
 * @param score        the primary metric
 * @param error        its 99.9% confidence half-width (NaN when JMH could not compute one)
 * @param unit         the primary metric's unit, e.g. ns/op or ops/us
 * @param bytesPerOp   gc.alloc.rate.norm in B/op, or NaN without -prof gc
 * @param gcTimeMs     gc.time in ms over the measurement, or NaN without -prof gc
 */
public record JmhResult(String benchmark, String mode, int threads, Map<String, String> params,
                        double score, double error, String unit, double bytesPerOp, double gcTimeMs) {

    /** Every row of a JMH JSON results file. */
    public static List<JmhResult> read(Path json) throws IOException {
        List<JmhResult> results = new ArrayList<>();
        for (JsonNode row : new ObjectMapper().readTree(json.toFile())) {
            String full = row.path("benchmark").asText();
            String[] parts = full.split("\\.");
            String name = parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : full;
            Map<String, String> params = new TreeMap<>();
            row.path("params").properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
            JsonNode primary = row.path("primaryMetric");
            JsonNode secondary = row.path("secondaryMetrics");
            results.add(new JmhResult(name, row.path("mode").asText(), row.path("threads").asInt(1),
                    Map.copyOf(params), primary.path("score").asDouble(),
                    primary.path("scoreError").asDouble(Double.NaN), primary.path("scoreUnit").asText(),
                    secondary.path("gc.alloc.rate.norm").path("score").asDouble(Double.NaN),
                    secondary.path("gc.time").path("score").asDouble(Double.NaN)));
        }
        return results;
    }

    /** Whether a higher score is better (throughput) rather than lower (time per operation). */
    public boolean higherIsBetter() {
        return mode.equals("thrpt");
    }

    /** Threads and parameters: two results with the same setting can be compared. */
    public String setting() {
        return threads + (threads == 1 ? " thread" : " threads") + paramsText();
    }

    /** The parameters alone, e.g. {@code ", size=64"}; empty without parameters. */
    public String paramsText() {
        StringBuilder text = new StringBuilder();
        params.forEach((name, value) -> text.append(", ").append(name).append('=').append(value));
        return text.toString();
    }

    /**
     * How many times more work per second this run did than {@code peer}'s, all threads together
     * (above 1: we win). JMH's thrpt score already sums the threads; an avgt score is the time one
     * thread takes per operation, so {@code threads / score} is the total rate. With equal threads
     * this is simply the ratio of the scores.
     */
    public double timesBetterThan(JmhResult peer) {
        return higherIsBetter() ? score / peer.score : (threads / score) / (peer.threads / peer.score);
    }
}

package pools.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of {@code benchmarks/comparisons.txt}: our benchmark beside a peer's, compared at every
 * setting (threads and parameters) both ran with, and optionally a floor the ratio must not drop
 * below: {@code ObjectPoolBenchmark.agrama vs ObjectPoolBenchmark.commonsPool2 >= 2.0}.
 *
 * <p>A side may pin its thread count with {@code @N}; then the two sides are paired by parameters
 * alone and compared by total throughput, which states a scaling target:
 * {@code ObjectPoolBenchmark.agrama@2 vs ObjectPoolBenchmark.agrama@1 >= 1.7}.
 *
 * @param ours  {@code Class.method} of our benchmark, optionally {@code @threads}
 * @param peer  {@code Class.method} of the peer's, optionally {@code @threads}
 * @param floor the least "times better" the regression guard accepts, or NaN for none
 */
public record Comparison(String ours, String peer, double floor) {
    private static final Pattern LINE = Pattern.compile(
            "(\\S+)\\s+vs\\s+(\\S+)(?:\\s*>=\\s*([0-9]+(?:\\.[0-9]+)?))?");
    private static final Pattern SIDE = Pattern.compile("([^@]+)(?:@([0-9]+))?");

    /** Every comparison in {@code file}; blank lines and {@code #} comments are skipped. */
    public static List<Comparison> read(Path file) throws IOException {
        List<Comparison> comparisons = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected 'Ours.method vs Peer.method [>= floor]', got: " + line);
            }
            comparisons.add(new Comparison(m.group(1), m.group(2), m.group(3) == null ? Double.NaN : Double.parseDouble(m.group(3))));
        }
        return comparisons;
    }

    /** Whether the regression guard checks this comparison. */
    public boolean guarded() {
        return !Double.isNaN(floor);
    }

    /**
     * The pairs of results this comparison covers: same threads and parameters on both sides, or
     * the pinned thread counts and the same parameters when a side says {@code @N}.
     */
    public List<Pair> pairs(List<JmhResult> results) {
        boolean pinned = ours.contains("@") || peer.contains("@");
        List<Pair> pairs = new ArrayList<>();
        for (JmhResult mine : results) {
            if (!matches(ours, mine)) {
                continue;
            }
            for (JmhResult theirs : results) {
                boolean sameSetting = pinned ? theirs.paramsText().equals(mine.paramsText())
                        : theirs.setting().equals(mine.setting());
                if (matches(peer, theirs) && sameSetting) {
                    pairs.add(new Pair(this, mine, theirs));
                }
            }
        }
        return pairs;
    }

    private static boolean matches(String side, JmhResult result) {
        Matcher m = SIDE.matcher(side);
        return m.matches() && m.group(1).equals(result.benchmark())
                && (m.group(2) == null || Integer.parseInt(m.group(2)) == result.threads());
    }

    /** Our result beside the peer's at one setting. */
    public record Pair(Comparison comparison, JmhResult ours, JmhResult peer) {

        public double timesBetter() {
            return ours.timesBetterThan(peer);
        }

        public boolean belowFloor() {
            return comparison.guarded() && timesBetter() < comparison.floor();
        }
    }
}

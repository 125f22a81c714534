package pools.benchmarks.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The regression guard: reads a JMH JSON file and {@code comparisons.txt} and fails (exit 1) when
 * a guarded ratio of ours to a peer, measured in the same run, is below its floor, or when a
 * guarded comparison has no results to check. Ratios, never absolute times, so a slower or busier
 * machine does not trip it; a real regression of ours against the same baseline does.
 *
 * <p>Usage: {@code RatioGuard results.json comparisons.txt}
 */
public final class RatioGuard {
    private RatioGuard() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: RatioGuard <jmh-results.json> <comparisons.txt>");
            System.exit(2);
        }
        List<JmhResult> results = JmhResult.read(Path.of(args[0]));
        int failures = 0;
        for (Comparison comparison : Comparison.read(Path.of(args[1]))) {
            if (!comparison.guarded()) {
                continue;
            }
            List<Comparison.Pair> pairs = comparison.pairs(results);
            if (pairs.isEmpty()) {
                failures++;
                System.out.printf("MISSING %s vs %s: no results at a common setting (did the run include both?)%n",
                        comparison.ours(), comparison.peer());
            }
            for (Comparison.Pair pair : pairs) {
                boolean ok = !pair.belowFloor();
                failures += ok ? 0 : 1;
                System.out.printf(Locale.ROOT, "%-4s %s vs %s [%s]: %.2fx, floor %.2fx%n", ok ? "ok" : "LOW",
                        comparison.ours(), comparison.peer(), pair.ours().setting(), pair.timesBetter(), comparison.floor());
            }
        }
        if (failures > 0) {
            System.out.println(failures + " guarded ratio(s) below their floor or missing: see the lines marked LOW or MISSING above.");
            System.exit(1);
        }
        System.out.println("every guarded ratio is at or above its floor");
    }
}

package pools.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportToolsTest {
    @TempDir
    Path dir;

    private static Path sample() throws Exception {
        return Path.of(ReportToolsTest.class.getResource("/sample-results.json").toURI());
    }

    private Path comparisons(String text) throws Exception {
        return Files.writeString(dir.resolve("comparisons.txt"), text);
    }

    @Test
    void readsScoresSettingsAndAllocationFromJmhJson() throws Exception {
        List<JmhResult> results = JmhResult.read(sample());
        assertEquals(6, results.size());
        JmhResult agrama = results.getFirst();
        assertEquals("ObjectPoolBenchmark.agrama", agrama.benchmark());
        assertEquals("1 thread, size=64", agrama.setting());
        assertEquals(0.0, agrama.bytesPerOp());
        assertEquals(48.0, results.get(1).bytesPerOp());
        assertTrue(Double.isNaN(results.get(2).bytesPerOp()), "no -prof gc: no B/op");
        assertTrue(Double.isNaN(results.get(2).error()));
    }

    @Test
    void ratiosPairSameSettingsAndRespectTheMode() throws Exception {
        List<JmhResult> results = JmhResult.read(sample());
        List<Comparison> comparisons = Comparison.read(comparisons("""
                # ours vs peer
                ObjectPoolBenchmark.agrama vs ObjectPoolBenchmark.commonsPool2 >= 10
                ObjectPoolBenchmark.agrama vs ObjectPoolBenchmark.stormpot >= 1.5

                KernelBenchmark.vectorDot vs KernelBenchmark.scalarDot
                """));
        List<Comparison.Pair> pool = comparisons.get(0).pairs(results);
        assertEquals(1, pool.size());
        assertEquals(15.0, pool.getFirst().timesBetter(), 1e-9, "avgt: peer time over ours");
        assertFalse(pool.getFirst().belowFloor());
        List<Comparison.Pair> stormpot = comparisons.get(1).pairs(results);
        assertEquals(1, stormpot.size(), "the 2-thread stormpot run has no 2-thread partner");
        assertTrue(stormpot.getFirst().belowFloor(), "1.25x is below a 1.5x floor");
        Comparison kernels = comparisons.get(2);
        assertFalse(kernels.guarded());
        assertEquals(9.0, kernels.pairs(results).getFirst().timesBetter(), 1e-9, "thrpt: ours over peer");
    }

    @Test
    void pinnedThreadCountsCompareTotalThroughput() throws Exception {
        List<JmhResult> results = JmhResult.read(sample());
        Comparison scaling = Comparison.read(comparisons("ObjectPoolBenchmark.stormpot@2 vs ObjectPoolBenchmark.stormpot@1 >= 1.7\n")).getFirst();
        List<Comparison.Pair> pairs = scaling.pairs(results);
        assertEquals(1, pairs.size(), "only the 2-thread run on our side, only the 1-thread run on the other");
        assertEquals(2, pairs.getFirst().ours().threads());
        assertEquals(2 * 10.0 / 11.0, pairs.getFirst().timesBetter(), 1e-9, "two threads at 11 ns/op each vs one at 10 ns/op");
        assertFalse(pairs.getFirst().belowFloor(), "1.82x is above a 1.7x floor");
    }

    @Test
    void aMalformedComparisonLineSaysWhere() throws Exception {
        Path file = comparisons("A.b vs C.d\nA.b versus C.d\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Comparison.read(file));
        assertTrue(e.getMessage().contains("comparisons.txt:2"), e.getMessage());
    }

    @Test
    void thePageIsFilledBetweenItsMarkersOnly() throws Exception {
        Path page = Files.writeString(dir.resolve("benchmarks.md"),
                "# Benchmarks\nhand-written\n" + ResultsPage.BEGIN + "\nold\n" + ResultsPage.END + "\ntail\n");
        Path chart = dir.resolve("ratios.svg");
        ResultsPage.main(new String[] {sample().toString(),
                comparisons("ObjectPoolBenchmark.agrama vs ObjectPoolBenchmark.commonsPool2 >= 20\n").toString(),
                page.toString(), chart.toString(), "benchmarks/run short"});
        String text = Files.readString(page);
        assertTrue(text.startsWith("# Benchmarks\nhand-written\n" + ResultsPage.BEGIN), text);
        assertTrue(text.endsWith(ResultsPage.END + "\ntail\n"), text);
        assertFalse(text.contains("\nold\n"));
        assertTrue(text.contains("| ObjectPoolBenchmark.agrama | ObjectPoolBenchmark.commonsPool2 | 1 thread, size=64 | 8.00 ± 0.500 ns/op | 120 ± 3.00 ns/op | **15.00x** | 0 | 48 | 20.0x **below** |"), text);
        assertTrue(text.contains("    benchmarks/run short"));
        String svg = Files.readString(chart);
        assertTrue(svg.startsWith("<svg") && svg.contains("15.00x") && svg.contains("#c0392b"), "a below-floor bar is red");
    }
}

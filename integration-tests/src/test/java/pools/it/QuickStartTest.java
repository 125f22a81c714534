package pools.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The README's usage example runs as a module-path host and prints the report. */
class QuickStartTest {

    @Test
    void theReadmeExampleRunsAndPrintsTheReport() {
        HostLauncher.Outcome outcome = HostLauncher.withAllProviders()
                .runModule("pools.it.QuickStart", ModulePathDiscoveryTest.WITH_VECTOR);
        assertEquals(0, outcome.exitCode(), outcome.stderr());
        assertEquals("cosine(q, q) = 1.0", outcome.lines().getFirst());
        String report = outcome.stdout().substring(outcome.stdout().indexOf('\n') + 1).strip();
        assertTrue(report.startsWith("{") && report.endsWith("}"), report);
        assertTrue(report.contains("\"graph-nodes\""), report);
        ModulePathDiscoveryTest.assertOnlyTheIncubatorNotice(outcome.stderr());
    }
}

package pools.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * JMX as JConsole sees it: a separate host module on a real module path reads every attribute of
 * every bean, through the platform MBean server and through a loopback RMI connector. The
 * module's own MBeans test cannot show this: it runs inside pools.analytics.
 */
class JmxOnTheModulePathTest {
    /** Attributes of PoolMXBean and of PoolSystemMXBean. */
    private static final int POOL_ATTRIBUTES = 18;
    private static final int SYSTEM_ATTRIBUTES = 22;
    /** The built-in pools: graph nodes, search results, JSON objects, JSON arrays, embeddings. */
    private static final int POOLS = 5;

    @Test
    void everyAttributeOfEveryBeanIsReadableFromOutsideTheModule() {
        HostLauncher.Outcome outcome = HostLauncher.withAllProviders().runModule("pools.it.JmxProbe", List.of());
        assertEquals(0, outcome.exitCode(), outcome.stderr());
        assertEquals(List.of(), outcome.lines().stream().filter(line -> line.contains(" FAILED ")).toList());
        for (String via : List.of("platform", "connector")) {
            List<String> read = outcome.lines().stream().filter(line -> line.startsWith(via + " ")).toList();
            assertEquals(POOLS * POOL_ATTRIBUTES + SYSTEM_ATTRIBUTES, read.size(), outcome.stdout());
            // The probe acquired, released and acquired a node from a pool that starts filled: two hits, one in use.
            assertTrue(read.stream().anyMatch(line -> line.contains("name=graph-nodes") && line.endsWith(" Hits=2")), outcome.stdout());
            assertTrue(read.stream().anyMatch(line -> line.contains("name=graph-nodes") && line.endsWith(" InUse=1")), outcome.stdout());
            assertTrue(read.stream().anyMatch(line -> line.contains("type=PoolSystem") && line.endsWith(" Report=String")), outcome.stdout());
        }
        assertEquals("", outcome.stderr().strip());
    }
}

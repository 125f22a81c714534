package pools.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pools.api.Capability;
import pools.api.LeakDetection;
import pools.api.LeakReport;
import pools.api.MemoryPoolSystem;
import pools.api.PoolAnalytics;
import pools.api.PoolStats;
import pools.api.seed.GraphNode;
import pools.testkit.Workers;

/**
 * Many platform and virtual threads acquire and release through a system with FULL leak
 * tracking, each keeping a few leases on purpose; afterwards the snapshot, the report and the
 * leak list must account for every operation exactly.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES) // -Pstress runs 20 times the rounds
class AnalyticsCountersStressTest {
    private static final int SCALE = Integer.getInteger("pools.stress.scale", 1);

    @Test
    void countersReportAndLeaksAreExactWithTheCountingPools() throws Exception {
        try (MemoryPoolSystem system = Systems.create(LeakDetection.FULL)) {
            exactAfterAConcurrentWorkload(system);
        }
    }

    @Test
    void countersReportAndLeaksAreExactWithTheFixedPools() throws Exception {
        try (MemoryPoolSystem system = MemoryPoolSystem.builder(Systems.SMALL.toBuilder().maxNodesPerPool(4096)
                .leakDetection(LeakDetection.FULL).build()).provider(new PoolAnalyticsProvider()).build()) {
            assertEquals("fixed", system.providers().get(Capability.OBJECT_POOLS), "module pools.fixed is on the test path");
            exactAfterAConcurrentWorkload(system);
        }
    }

    private static void exactAfterAConcurrentWorkload(MemoryPoolSystem system) throws Exception {
        int platform = 4;
        int virtual = 12;
        int rounds = 2_000 * SCALE;
        int keptPerThread = 2;
        AtomicLong acquisitions = new AtomicLong();
        Map<GraphNode, String> kept = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        Workers threads = new Workers();
        for (int t = 0; t < platform + virtual; t++) {
            Workers.Task work = () -> {
                Workers.await(start, Duration.ofSeconds(30));
                for (int i = 0; i < rounds; i++) {
                    GraphNode node = system.nodePool().acquire();
                    acquisitions.incrementAndGet();
                    if (i < keptPerThread) {
                        kept.put(node, Thread.currentThread().getName());
                    } else {
                        system.nodePool().release(node);
                    }
                }
            };
            if (t < platform) {
                threads.start("p" + t, work);
            } else {
                threads.startVirtual("v" + t, work);
            }
        }
        start.countDown();
        threads.joinAll(Duration.ofMinutes(5));

        PoolAnalytics snapshot = system.analytics();
        PoolStats nodes = snapshot.pool("graph-nodes");
        long threadsCount = platform + virtual;
        assertEquals(acquisitions.get(), nodes.allocated());
        assertEquals(threadsCount * rounds, nodes.allocated());
        assertEquals(threadsCount * (rounds - keptPerThread), nodes.freed());
        assertEquals(threadsCount * keptPerThread, nodes.inUse());
        assertTrue(nodes.capacity() >= nodes.misses(), "every miss created at least one object");
        assertEquals(nodes.allocated() - nodes.misses(), snapshot.allocationsSaved());
        assertTrue(nodes.peakInUse() >= nodes.inUse() && nodes.peakInUse() <= nodes.capacity());

        assertEquals(kept.size(), snapshot.leaks().size(), "every kept lease is a leak, nothing else");
        for (LeakReport leak : snapshot.leaks()) {
            assertEquals("graph-nodes", leak.pool());
            assertTrue(kept.containsValue(leak.threadName()), leak.threadName());
        }
        for (int i = 1; i < snapshot.leaks().size(); i++) {
            assertTrue(snapshot.leaks().get(i - 1).acquiredNanos() <= snapshot.leaks().get(i).acquiredNanos(),
                    "oldest first");
        }

        JsonNode json = new ObjectMapper().readTree(JsonReport.render(snapshot));
        JsonReportTest.assertMatches(snapshot, json);
        kept.keySet().forEach(system.nodePool()::release);
        assertTrue(system.analytics().leaks().isEmpty());
    }
}

package pools.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import pools.api.Capability;
import pools.api.LeakDetection;
import pools.api.LeakReport;
import pools.api.MemoryPoolSystem;
import pools.api.PoolAnalytics;
import pools.api.PoolStats;
import pools.api.seed.GraphNode;

/**
 * Many platform and virtual threads acquire and release through a system with FULL leak
 * tracking, each keeping a few leases on purpose; afterwards the snapshot, the report and the
 * leak list must account for every operation exactly.
 */
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
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < platform + virtual; t++) {
            Runnable work = () -> {
                await(start);
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
            threads.add(t < platform ? Thread.ofPlatform().name("p" + t).start(work)
                    : Thread.ofVirtual().name("v" + t).start(work));
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }

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

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

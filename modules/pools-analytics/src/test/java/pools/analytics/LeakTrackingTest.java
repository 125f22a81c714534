package pools.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pools.api.LeakDetection;
import pools.api.LeakReport;
import pools.api.MemoryPoolSystem;
import pools.api.seed.GraphNode;
import pools.api.seed.SearchResult;
import pools.testkit.FakeObjectPoolProvider;

class LeakTrackingTest {

    @Test
    void fullModeNamesTheLeakedLeaseItsPoolAndTheAcquiringMethod() {
        try (MemoryPoolSystem system = Systems.create(LeakDetection.FULL)) {
            GraphNode leaked = system.nodePool().acquire();
            system.nodePool().release(system.nodePool().acquire());
            List<LeakReport> leaks = system.analytics().leaks();
            assertEquals(1, leaks.size());
            LeakReport leak = leaks.getFirst();
            assertEquals("graph-nodes", leak.pool());
            assertEquals(GraphNode.class.getName() + "@" + Integer.toHexString(System.identityHashCode(leaked)),
                    leak.description());
            assertEquals(Thread.currentThread().getName(), leak.threadName());
            assertTrue(leak.acquiredAt().stream().anyMatch(f -> f.getClassName().equals(LeakTrackingTest.class.getName())
                    && f.getMethodName().equals("fullModeNamesTheLeakedLeaseItsPoolAndTheAcquiringMethod")),
                    leak.acquiredAt().toString());
            assertTrue(leak.acquiredAt().getFirst().getClassName().startsWith(FakeObjectPoolProvider.class.getName()),
                    "the stack starts at the pool, without analytics' own frames: " + leak.acquiredAt().getFirst());
            system.nodePool().release(leaked);
            assertTrue(system.analytics().leaks().isEmpty(), "a released lease is no longer a leak");
        }
    }

    @Test
    void leaksAreListedOldestFirstAndKeyedByIdentityNotEquals() {
        try (MemoryPoolSystem system = Systems.create(LeakDetection.FULL)) {
            Map<String, Object> first = system.jsonObjectPool().acquire();
            SearchResult second = system.searchResultPool().acquire();
            Map<String, Object> third = system.jsonObjectPool().acquire();
            assertEquals(first, third, "two empty maps are equal, yet two leases");
            assertEquals(List.of("json-objects", "search-results", "json-objects"),
                    system.analytics().leaks().stream().map(LeakReport::pool).toList());
            system.jsonObjectPool().release(first);
            List<LeakReport> left = system.analytics().leaks();
            assertEquals(2, left.size());
            assertTrue(left.get(1).description().endsWith(Integer.toHexString(System.identityHashCode(third))));
            system.searchResultPool().release(second);
            system.jsonObjectPool().release(third);
            assertTrue(system.analytics().leaks().isEmpty());
        }
    }

    @Test
    void sampledModeTracksSomeLeasesWithoutStacksAndForgetsThemOnRelease() {
        LeakTracker tracker = new LeakTracker(LeakDetection.SAMPLED);
        List<Object> leases = new ArrayList<>();
        int count = LeakTracker.SAMPLE_ONE_IN * 60;
        for (int i = 0; i < count; i++) {
            Object lease = new Object();
            leases.add(lease);
            tracker.acquired("sampled", lease);
        }
        List<LeakTracker.Lease> tracked = tracker.outstanding();
        assertTrue(tracked.size() > 0 && tracked.size() < count / 4,
                tracked.size() + " of " + count + " tracked; expected about 1 in " + LeakTracker.SAMPLE_ONE_IN);
        assertTrue(tracked.stream().allMatch(l -> l.report().acquiredAt().isEmpty()), "sampled mode records no stacks");
        leases.forEach(tracker::released);
        assertTrue(tracker.outstanding().isEmpty());
    }

    @Test
    void offModeTracksNothing() {
        LeakTracker tracker = new LeakTracker(LeakDetection.OFF);
        tracker.acquired("p", new Object());
        assertTrue(tracker.outstanding().isEmpty());
    }
}

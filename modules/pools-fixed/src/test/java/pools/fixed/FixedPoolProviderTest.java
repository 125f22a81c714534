package pools.fixed;

import pools.api.seed.JsonMap;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pools.api.Capability;
import pools.api.MemoryPoolSystem;
import pools.api.ObjectPool;
import pools.api.ObjectPoolSpec;
import pools.api.PoolConfig;
import pools.api.PoolStats;
import pools.api.seed.GraphNode;
import pools.testkit.FakeObjectPoolProvider;
import pools.testkit.RecordingEvents;

/** The provider through the facade: the four built-in pools, JSON pools cleared, lease events. */
class FixedPoolProviderTest {
    private static final PoolConfig CONFIG = PoolConfig.builder().maxNodesPerPool(64).maxSearchResultsPerPool(32)
            .maxJsonObjectsPerPool(16).initialPoolCapacity(4).build();

    private static MemoryPoolSystem system() {
        return MemoryPoolSystem.builder(CONFIG).discover(false).provider(new FixedPoolProvider()).build();
    }

    @Test
    void theSystemUsesThisProviderForItsFourObjectPools() {
        try (MemoryPoolSystem system = system()) {
            assertEquals("fixed", system.providers().get(Capability.OBJECT_POOLS));
            assertEquals(64, system.nodePool().stats().maxCapacity());
            assertEquals(32, system.searchResultPool().stats().maxCapacity());
            assertEquals(16, system.jsonObjectPool().stats().maxCapacity());
            assertEquals(4, system.jsonArrayPool().stats().capacity(), "initial capacity from the config");
            GraphNode node = system.nodePool().acquire().id(7).label("n").addEdge(3);
            system.nodePool().release(node);
            GraphNode again = system.nodePool().acquire();
            assertSame(node, again);
            assertEquals(0, again.id());
            assertEquals(0, again.edgeCount(), "GraphNode::clear ran on release");
        }
    }

    /** The built-in engine outranks a provider of lower priority, whatever their names or order. */
    @Test
    void theBuiltInEngineIsChosenOverALowerPriorityProvider() {
        try (MemoryPoolSystem system = MemoryPoolSystem.builder(CONFIG).discover(false)
                .provider(new FakeObjectPoolProvider("a-lower", 99)).provider(new FixedPoolProvider()).build()) {
            assertEquals("fixed", system.providers().get(Capability.OBJECT_POOLS));
        }
    }

    @Test
    void jsonPoolsHoldJsonMapsAndListsClearedOnRelease() {
        try (MemoryPoolSystem system = system()) {
            Map<String, Object> object = system.jsonObjectPool().acquire();
            assertInstanceOf(JsonMap.class, object);
            object.put("k", 1);
            system.jsonObjectPool().release(object);
            Map<String, Object> reused = system.jsonObjectPool().acquire();
            assertSame(object, reused);
            assertTrue(reused.isEmpty(), "cleared on release");
            List<Object> array = system.jsonArrayPool().acquire();
            assertInstanceOf(ArrayList.class, array);
            array.add("v");
            system.jsonArrayPool().release(array);
            List<Object> reusedArray = system.jsonArrayPool().acquire();
            assertSame(array, reusedArray);
            assertTrue(reusedArray.isEmpty(), "cleared on release");
        }
    }

    @Test
    void closingTheSystemClosesItsPools() {
        MemoryPoolSystem system = system();
        ObjectPool<GraphNode> nodes = system.nodePool();
        system.close();
        PoolStats stats = nodes.stats();
        assertEquals(0, stats.capacity(), "free objects dropped");
    }

    @Test
    void leasesAreReportedWhenTheContextTracksThem() {
        RecordingEvents events = new RecordingEvents();
        ObjectPool<StringBuilder> tracked = new FixedPoolProvider().create(
                ObjectPoolSpec.builder("tracked", StringBuilder::new).maxCapacity(2).build(), events.context(true));
        StringBuilder lease = tracked.acquire();
        assertEquals(List.of(lease), events.acquired);
        tracked.release(lease);
        assertEquals(List.of(lease), events.released);
        RecordingEvents quiet = new RecordingEvents();
        ObjectPool<StringBuilder> untracked = new FixedPoolProvider().create(
                ObjectPoolSpec.builder("untracked", StringBuilder::new).maxCapacity(2).build(), quiet.context(false));
        untracked.release(untracked.acquire());
        assertTrue(quiet.acquired.isEmpty() && quiet.released.isEmpty(), "no lease events without leak detection");
    }
}

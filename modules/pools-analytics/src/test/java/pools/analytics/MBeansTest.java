package pools.analytics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.Test;
import pools.api.LeakDetection;
import pools.api.MemoryPoolSystem;
import pools.api.ObjectPool;
import pools.api.ObjectPoolSpec;
import pools.api.PoolAnalytics;
import pools.api.PoolStats;
import pools.api.seed.GraphNode;

class MBeansTest {
    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();

    @Test
    void poolAndSystemAttributesEqualTheSnapshotThroughThePlatformServer() throws Exception {
        // Not try-with-resources: the test closes the system itself, then checks what closing did.
        MemoryPoolSystem system = Systems.create(LeakDetection.FULL);
        try {
            String odd = "host pool, \"quoted\"=1";
            system.createPool(ObjectPoolSpec.<Object>builder(odd, Object::new).maxCapacity(3).build()).acquire();
            GraphNode node = system.nodePool().acquire();
            system.nodePool().release(node);
            system.nodePool().acquire();
            system.registerMBeans();
            ObjectName systemName = systemNameOf(system);
            PoolAnalytics snapshot = system.analytics();

            for (PoolStats pool : snapshot.pools()) {
                ObjectName name = new ObjectName("io.agrama.pools:type=Pool,system=" + systemName.getKeyProperty("system")
                        + ",name=" + (pool.name().equals(odd) ? ObjectName.quote(odd) : pool.name()));
                assertEquals(pool.name(), SERVER.getAttribute(name, "Name"));
                assertEquals(pool.hits(), SERVER.getAttribute(name, "Hits"));
                assertEquals(pool.misses(), SERVER.getAttribute(name, "Misses"));
                assertEquals(pool.created(), SERVER.getAttribute(name, "Created"));
                assertEquals(pool.allocated(), SERVER.getAttribute(name, "Allocated"));
                assertEquals(pool.freed(), SERVER.getAttribute(name, "Freed"));
                assertEquals(pool.inUse(), SERVER.getAttribute(name, "InUse"));
                assertEquals(pool.peakInUse(), SERVER.getAttribute(name, "PeakInUse"));
                assertEquals(pool.free(), SERVER.getAttribute(name, "Free"));
                assertEquals(pool.capacity(), SERVER.getAttribute(name, "Capacity"));
                assertEquals(pool.maxCapacity(), SERVER.getAttribute(name, "MaxCapacity"));
                assertEquals(pool.refusals(), SERVER.getAttribute(name, "Refusals"));
                assertEquals(pool.bytesPerObject(), SERVER.getAttribute(name, "BytesPerObject"));
                assertEquals(pool.reusedBytes(), SERVER.getAttribute(name, "ReusedBytes"));
                assertEquals(pool.hitRate(), SERVER.getAttribute(name, "HitRate"));
                assertEquals(pool.utilizationRate(), SERVER.getAttribute(name, "UtilizationRate"));
                assertEquals(pool.efficiencyRate(), SERVER.getAttribute(name, "EfficiencyRate"));
            }
            assertEquals(1L, SERVER.getAttribute(poolName(systemName, "graph-nodes"), "Hits"));

            assertArrayEquals(snapshot.pools().stream().map(PoolStats::name).toArray(),
                    (String[]) SERVER.getAttribute(systemName, "PoolNames"));
            TabularData providers = (TabularData) SERVER.getAttribute(systemName, "Providers");
            assertEquals(snapshot.providers().size(), providers.size());
            CompositeData analytics = providers.get(new Object[] {"ANALYTICS"});
            assertEquals("analytics", analytics.get("value"));
            assertEquals(snapshot.budget().limitBytes(), SERVER.getAttribute(systemName, "BudgetLimitBytes"));
            assertEquals(snapshot.budget().reservedBytes(), SERVER.getAttribute(systemName, "BudgetReservedBytes"));
            assertEquals(snapshot.budget().peakReservedBytes(), SERVER.getAttribute(systemName, "BudgetPeakReservedBytes"));
            assertEquals(snapshot.budget().availableBytes(), SERVER.getAttribute(systemName, "BudgetAvailableBytes"));
            assertEquals(snapshot.budget().refusals(), SERVER.getAttribute(systemName, "BudgetRefusals"));
            assertEquals(-1L, SERVER.getAttribute(systemName, "ActiveArenas"), "no arena provider: -1");
            assertEquals(snapshot.allocationsSaved(), SERVER.getAttribute(systemName, "AllocationsSaved"));
            assertEquals(snapshot.memoryReusedBytes(), SERVER.getAttribute(systemName, "MemoryReusedBytes"));
            assertEquals(2, SERVER.getAttribute(systemName, "LeakCount"));
            assertArrayEquals(new String[0], (String[]) SERVER.getAttribute(systemName, "ProviderFailures"));
            String report = (String) SERVER.getAttribute(systemName, "Report");
            assertEquals(snapshot.allocationsSaved(),
                    new ObjectMapper().readTree(report).get("totals").get("allocationsSaved").longValue());

            Set<ObjectName> ours = SERVER.queryNames(new ObjectName("io.agrama.pools:system="
                    + systemName.getKeyProperty("system") + ",*"), null);
            assertEquals(snapshot.pools().size() + 1, ours.size());
            system.close();
            for (ObjectName name : ours) {
                assertFalse(SERVER.isRegistered(name), name + " is unregistered on close");
            }
        } finally {
            system.close();
        }
    }

    @Test
    void registeringAgainAddsPoolsCreatedSinceAndKeepsTheOthers() throws Exception {
        try (MemoryPoolSystem system = Systems.create(LeakDetection.OFF)) {
            system.registerMBeans();
            ObjectName systemName = systemNameOf(system);
            system.createPool(ObjectPoolSpec.<Object>builder("later", Object::new).maxCapacity(1).build());
            assertFalse(SERVER.isRegistered(poolName(systemName, "later")));
            system.registerMBeans();
            assertTrue(SERVER.isRegistered(poolName(systemName, "later")));
            assertTrue(SERVER.isRegistered(poolName(systemName, "graph-nodes")));
        }
    }

    @Test
    void attributesThatAreZeroInAQuietSystemFollowTheirCounters() throws Exception {
        try (MemoryPoolSystem system = Systems.create(LeakDetection.OFF)) {
            ObjectPool<Object> scarce = system.createPool(ObjectPoolSpec.<Object>builder("scarce", Object::new)
                    .maxCapacity(3).build());
            Object a = scarce.acquire();
            scarce.acquire();
            scarce.release(a);
            scarce.acquire();
            scarce.acquire();
            assertTrue(scarce.tryAcquire().isEmpty());
            system.budget().reserve(1234, "test");
            assertFalse(system.budget().tryReserve(Long.MAX_VALUE / 2, "too much"));
            system.budget().release(234);
            system.registerMBeans();
            ObjectName systemName = systemNameOf(system);
            ObjectName pool = poolName(systemName, "scarce");
            PoolStats stats = system.analytics().pool("scarce");
            assertEquals(1L, stats.refusals());
            assertEquals(stats.refusals(), SERVER.getAttribute(pool, "Refusals"));
            assertEquals(stats.free(), SERVER.getAttribute(pool, "Free"));
            assertEquals(1000L, SERVER.getAttribute(systemName, "BudgetReservedBytes"));
            assertEquals(1234L, SERVER.getAttribute(systemName, "BudgetPeakReservedBytes"));
            assertEquals(1L, SERVER.getAttribute(systemName, "BudgetRefusals"));
            assertEquals(Long.parseLong(systemName.getKeyProperty("system")), SERVER.getAttribute(systemName, "Id"));
            scarce.release(a);
            assertEquals(1L, SERVER.getAttribute(pool, "Free"), "read afresh, not cached");
            system.budget().release(1000);
        }
    }

    private static ObjectName poolName(ObjectName systemName, String pool) throws Exception {
        return new ObjectName("io.agrama.pools:type=Pool,system=" + systemName.getKeyProperty("system") + ",name=" + pool);
    }

    /** The one registered system bean whose pools are this system's (ids are per JVM, tests share it). */
    private static ObjectName systemNameOf(MemoryPoolSystem system) throws Exception {
        List<String> pools = system.analytics().pools().stream().map(PoolStats::name).toList();
        ObjectName found = null;
        for (ObjectName name : SERVER.queryNames(new ObjectName("io.agrama.pools:type=PoolSystem,*"), null)) {
            if (List.of((String[]) SERVER.getAttribute(name, "PoolNames")).equals(pools)) {
                assertEquals(null, found, "one system bean per system");
                found = name;
            }
        }
        assertTrue(found != null, "no PoolSystem bean lists pools " + pools);
        return found;
    }
}

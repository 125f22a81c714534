package pools.analytics;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import pools.api.Capability;
import pools.api.LeakDetection;
import pools.api.MemoryPoolSystem;
import pools.api.seed.GraphNode;
import pools.api.spi.AnalyticsService;

class ServiceLifecycleTest {

    @Test
    void theProviderIsTheBuiltInAnalytics() {
        PoolAnalyticsProvider provider = new PoolAnalyticsProvider();
        assertEquals("analytics", provider.name());
        assertEquals(100, provider.priority());
        assertEquals(Capability.ANALYTICS, provider.capability());
        try (MemoryPoolSystem system = Systems.create(LeakDetection.OFF)) {
            assertEquals("analytics", system.providers().get(Capability.ANALYTICS));
        }
    }

    @Test
    void withLeakDetectionOffNothingIsTrackedEvenIfPoolsReportLeases() {
        try (MemoryPoolSystem system = Systems.create(LeakDetection.OFF)) {
            AnalyticsService service = new PoolAnalyticsProvider().create(system.config());
            service.events().acquired("graph-nodes", new GraphNode());
            assertTrue(service.leaks().isEmpty());
            system.nodePool().acquire();
            assertTrue(system.analytics().leaks().isEmpty());
            service.close();
        }
    }

    @Test
    void closeIsIdempotentAndAttachIsOnce() {
        AnalyticsService service = new PoolAnalyticsProvider().create(Systems.SMALL);
        try (MemoryPoolSystem system = Systems.create(LeakDetection.OFF)) {
            service.attach(system::analytics, system.pools());
            IllegalStateException twice = assertThrows(IllegalStateException.class, () -> service.attach(system::analytics, system.pools()));
            assertTrue(twice.getMessage().contains("already attached"), twice.getMessage());
        }
        service.close();
        assertDoesNotThrow(service::close);
        assertThrows(IllegalStateException.class, service::registerMBeans);
    }

    @Test
    void eachServiceHasItsOwnIdAndEventSink() {
        PoolAnalyticsService a = new PoolAnalyticsService(Systems.SMALL);
        PoolAnalyticsService b = new PoolAnalyticsService(Systems.SMALL);
        assertTrue(b.id() > a.id());
        assertSame(a.events(), a.events());
        a.close();
        b.close();
    }
}

package pools.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pools.api.seed.GraphNode;
import pools.testkit.FakeObjectPoolProvider;

class MemoryPoolSystemTest {
    private static final PoolConfig CONFIG = PoolConfig.builder().maxTotalPoolMemoryMb(8).build();

    private static MemoryPoolSystem withProviders(PoolConfig config, FakeObjectPoolProvider... providers) {
        MemoryPoolSystem.Builder builder = MemoryPoolSystem.builder(config).discover(false);
        for (FakeObjectPoolProvider provider : providers) {
            builder.provider(provider);
        }
        return builder.build();
    }

    @Test
    void theHighestPriorityAvailableProviderWins() {
        FakeObjectPoolProvider low = new FakeObjectPoolProvider("low", 1, true);
        FakeObjectPoolProvider high = new FakeObjectPoolProvider("high", 5, true);
        FakeObjectPoolProvider unavailable = new FakeObjectPoolProvider("absent", 50, false);
        try (MemoryPoolSystem system = withProviders(CONFIG, low, unavailable, high)) {
            assertEquals(Map.of(Capability.OBJECT_POOLS, "high"), system.providers());
            assertEquals(4, high.created.size());
            assertTrue(low.created.isEmpty() && unavailable.created.isEmpty());
        }
    }

    @Test
    void theConfigsChoiceBeatsPriority() {
        FakeObjectPoolProvider low = new FakeObjectPoolProvider("low", 1, true);
        FakeObjectPoolProvider high = new FakeObjectPoolProvider("high", 5, true);
        PoolConfig config = CONFIG.toBuilder().preferProvider(Capability.OBJECT_POOLS, "low").build();
        try (MemoryPoolSystem system = withProviders(config, high, low)) {
            assertEquals("low", system.providers().get(Capability.OBJECT_POOLS));
        }
    }

    @Test
    void aChoiceNoProviderMatchesListsTheAvailableOnes() {
        PoolConfig config = CONFIG.toBuilder().preferProvider(Capability.OBJECT_POOLS, "turbo").build();
        ProviderNotFoundException e = assertThrows(ProviderNotFoundException.class, () -> withProviders(config,
                new FakeObjectPoolProvider("b", 1, true), new FakeObjectPoolProvider("a", 1, true)));
        assertEquals(Capability.OBJECT_POOLS, e.capability());
        assertTrue(e.getMessage().contains("'turbo'") && e.getMessage().contains("[a, b]"), e.getMessage());
    }

    @Test
    void aMissingCapabilityNamesTheModuleToAddAndTheRestStillWorks() {
        try (MemoryPoolSystem system = withProviders(CONFIG, new FakeObjectPoolProvider("f", 1, true))) {
            ProviderNotFoundException e = assertThrows(ProviderNotFoundException.class, system::arenas);
            assertEquals(Capability.ARENAS, e.capability());
            assertTrue(e.getMessage().contains("add the module pools.arena"), e.getMessage());
            assertTrue(e.getMessage().contains("io.agrama.pools:pools-arena"), e.getMessage());
            assertThrows(ProviderNotFoundException.class, system::embeddingPool);
            assertThrows(ProviderNotFoundException.class, system::kernels);
            assertTrue(assertThrows(ProviderNotFoundException.class, system::report).getMessage()
                    .contains("pools.analytics"));
            GraphNode node = system.nodePool().acquire();
            system.nodePool().release(node);
            assertEquals(1, system.analytics().pool("graph-nodes").freed());
        }
    }

    @Test
    void builtInPoolsAreSizedFromTheConfig() {
        FakeObjectPoolProvider provider = new FakeObjectPoolProvider("f", 1, true);
        PoolConfig config = CONFIG.toBuilder().maxNodesPerPool(11).maxSearchResultsPerPool(12)
                .maxJsonObjectsPerPool(13).initialPoolCapacity(12).poolGrowthFactor(2.5).build();
        try (MemoryPoolSystem system = withProviders(config, provider)) {
            assertEquals(List.of("graph-nodes", "search-results", "json-objects", "json-arrays"),
                    provider.specs.stream().map(ObjectPoolSpec::name).toList());
            assertEquals(List.of(11, 12, 13, 13), provider.specs.stream().map(ObjectPoolSpec::maxCapacity).toList());
            assertEquals(List.of(11, 12, 12, 12), provider.specs.stream().map(ObjectPoolSpec::initialCapacity).toList());
            assertTrue(provider.specs.stream().allMatch(s -> s.growthFactor() == 2.5));
            Map<String, Object> json = system.jsonObjectPool().acquire();
            json.put("k", 1);
            system.jsonObjectPool().release(json);
            assertTrue(system.jsonObjectPool().acquire().isEmpty(), "the JSON map pool clears on release");
        }
    }

    @Test
    void hostPoolsAreInTheSnapshotAndClosedWithTheSystem() {
        FakeObjectPoolProvider provider = new FakeObjectPoolProvider("f", 1, true);
        MemoryPoolSystem system = withProviders(CONFIG, provider);
        ObjectPool<StringBuilder> builders = system.createPool(
                ObjectPoolSpec.builder("builders", StringBuilder::new).maxCapacity(4).build());
        builders.release(builders.acquire());
        PoolAnalytics snapshot = system.analytics();
        assertEquals(5, snapshot.pools().size());
        assertEquals(1, snapshot.pool("builders").allocated());
        assertNull(snapshot.arenas());
        assertEquals(CONFIG.budget().maxTotalPoolMemoryBytes(), snapshot.budget().limitBytes());
        system.close();
        assertTrue(provider.created.stream().allMatch(p -> p.closed()));
        system.close();
        assertThrows(PoolClosedException.class,
                () -> system.createPool(ObjectPoolSpec.builder("late", Object::new).build()));
    }

    @Test
    void aProviderFailingHalfwayLeavesNoPoolOpen() {
        FakeObjectPoolProvider provider = new FakeObjectPoolProvider("f", 1, true);
        provider.failOnCreate(2);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> withProviders(CONFIG, provider));
        assertTrue(e.getMessage().contains("json-objects"));
        assertEquals(2, provider.created.size());
        assertTrue(provider.created.stream().allMatch(p -> p.closed()));
    }

    @Test
    void discoveryWithNoProviderModulesFindsNothing() {
        try (MemoryPoolSystem system = MemoryPoolSystem.create(CONFIG)) {
            assertTrue(system.providers().isEmpty());
            assertSame(CONFIG, system.config());
            assertThrows(ProviderNotFoundException.class, system::nodePool);
        }
    }
}

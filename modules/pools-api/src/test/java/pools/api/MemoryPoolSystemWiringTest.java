package pools.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pools.api.spi.AnalyticsProvider;
import pools.api.spi.AnalyticsService;
import pools.api.spi.ArenaManagerProvider;
import pools.api.spi.EmbeddingPoolProvider;
import pools.api.spi.PoolEvents;
import pools.api.spi.VectorKernelsProvider;
import pools.testkit.FakeObjectPoolProvider;
import pools.testkit.Fakes;

/**
 * The facade with a stand-in for every capability: each accessor hands out what its provider
 * made, analytics is attached and asked, and close shuts arenas, then pools newest first, then
 * analytics.
 */
@Timeout(60)
class MemoryPoolSystemWiringTest {
    private static final PoolConfig CONFIG = PoolConfig.builder().maxTotalPoolMemoryMb(8).build();

    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<Supplier<PoolAnalytics>> attached = new ArrayList<>();
    private final ArenaManager arenas = Fakes.of(ArenaManager.class, log, Map.of());
    private final VectorKernels kernels = Fakes.of(VectorKernels.class, log, Map.of());
    private final EmbeddingPool embeddings = Fakes.of(EmbeddingPool.class, log, Map.of("name", "embeddings",
            "stats", new PoolStats("embeddings", 0, 0, 0, 0, 0, 0, 1, 0, 64)));
    private final AnalyticsService analytics = new AnalyticsService() {
        @Override
        public PoolEvents events() {
            return PoolEvents.NONE;
        }

        @Override
        public void attach(Supplier<PoolAnalytics> snapshots, List<ObjectPool<?>> pools) {
            attached.add(snapshots);
        }

        @Override
        public String toJson(PoolAnalytics snapshot) {
            return "{\"pools\":" + snapshot.pools().size() + "}";
        }

        @Override
        public List<LeakReport> leaks() {
            return List.of();
        }

        @Override
        public void registerMBeans() {
            log.add("registerMBeans");
        }

        @Override
        public void close() {
            log.add("analytics.close");
        }
    };

    private MemoryPoolSystem system(FakeObjectPoolProvider objects) {
        return MemoryPoolSystem.builder(CONFIG).discover(false)
                .provider(objects)
                .provider(Fakes.of(ArenaManagerProvider.class, log, Map.of("name", "arenas", "create", arenas)))
                .provider(Fakes.of(VectorKernelsProvider.class, log, Map.of("name", "kernels", "kernels", kernels)))
                .provider(Fakes.of(EmbeddingPoolProvider.class, log, Map.of("name", "embeddings", "create", embeddings)))
                .provider(Fakes.of(AnalyticsProvider.class, log, Map.of("name", "analytics", "create", analytics)))
                .build();
    }

    @Test
    void everyAccessorHandsOutWhatItsProviderMade() {
        FakeObjectPoolProvider objects = new FakeObjectPoolProvider("objects", 1);
        try (MemoryPoolSystem system = system(objects)) {
            assertSame(arenas, system.arenas());
            assertSame(kernels, system.kernels());
            assertSame(embeddings, system.embeddingPool());
            assertSame(objects.created.get(0), system.nodePool());
            assertSame(objects.created.get(1), system.searchResultPool());
            assertSame(objects.created.get(2), system.jsonObjectPool());
            assertSame(objects.created.get(3), system.jsonArrayPool());
            assertEquals(CONFIG.budget().maxTotalPoolMemoryBytes(), system.budget().limitBytes());
            assertEquals(List.of("graph-nodes", "search-results", "json-objects", "json-arrays", "embeddings"),
                    system.pools().stream().map(ObjectPool::name).toList());
            assertTrue(system.providerFailures().isEmpty());
            assertEquals(5, system.providers().size());
            assertEquals(1, attached.size(), "analytics is attached once");
            assertEquals(5, attached.getFirst().get().pools().size(), "and reads the system's snapshots");
            assertEquals("{\"pools\":5}", system.report());
            system.registerMBeans();
            assertTrue(log.contains("registerMBeans"));
            EmbeddingPool host = system.createEmbeddingPool(new EmbeddingPoolSpec("host", 8, 32, 0, 4, 2.0));
            assertSame(embeddings, host);
            assertEquals(6, system.pools().size());
        }
    }

    @Test
    void closeShutsArenasThenPoolsNewestFirstThenAnalytics() {
        FakeObjectPoolProvider objects = new FakeObjectPoolProvider("objects", 1);
        List<String> closed = new CopyOnWriteArrayList<>();
        MemoryPoolSystem system = system(objects);
        system.createPool(ObjectPoolSpec.builder("host", Object::new).reset(o -> { }).build());
        log.clear();
        system.close();
        for (String entry : log) {
            if (entry.endsWith("close")) {
                closed.add(entry);
            }
        }
        assertEquals(List.of("ArenaManager.close", "EmbeddingPool.close", "analytics.close"), closed);
        List<Boolean> objectPools = objects.created.stream().map(FakeObjectPoolProvider.CountingPool::closed).toList();
        assertEquals(List.of(true, true, true, true, true), objectPools);
        log.clear();
        system.close();
        assertTrue(log.isEmpty(), "a second close does nothing: " + log);
    }

    @Test
    void objectPoolsCloseNewestFirst() {
        FakeObjectPoolProvider objects = new FakeObjectPoolProvider("objects", 1);
        MemoryPoolSystem system = MemoryPoolSystem.builder(CONFIG).discover(false).provider(objects).build();
        ObjectPool<Object> first = system.createPool(ObjectPoolSpec.builder("first", Object::new).build());
        system.createPool(ObjectPoolSpec.builder("second", Object::new).build());
        system.close();
        assertEquals(List.of("second", "first", "json-arrays", "json-objects", "search-results", "graph-nodes"),
                objects.closedNames);
        assertThrows(PoolClosedException.class, first::acquire);
        assertTrue(system.toString().contains("budget 0 of " + CONFIG.budget().maxTotalPoolMemoryBytes() + " bytes reserved, "
                + "arenas: no arena provider"), system.toString());
    }

    @Test
    void aPoolMadeForAClosedSystemIsClosedAndRefused() {
        FakeObjectPoolProvider objects = new FakeObjectPoolProvider("objects", 1);
        MemoryPoolSystem system = system(objects);
        system.close();
        assertThrows(PoolClosedException.class,
                () -> system.createPool(ObjectPoolSpec.builder("late", Object::new).build()));
        assertTrue(objects.created.getLast().closed(), "the pool the provider made is not left open");
        assertThrows(PoolClosedException.class,
                () -> system.createEmbeddingPool(new EmbeddingPoolSpec("late", 8, 32, 0, 4, 2.0)));
    }
}

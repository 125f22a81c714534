package pools.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import pools.api.ArenaKind;
import pools.api.Capability;
import pools.api.Embedding;
import pools.api.MemoryPoolSystem;
import pools.api.ObjectPool;
import pools.api.ObjectPoolSpec;
import pools.api.PoolConfig;
import pools.api.ScopedArena;
import pools.api.seed.GraphNode;

class PoolSystemMetricsTest {
    private static final PoolConfig CONFIG = PoolConfig.builder().maxTotalPoolMemoryMb(64).build();

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private Gauge poolGauge(String name, String pool) {
        return registry.get(name).tags("system", "search", "pool", pool).gauge();
    }

    private FunctionCounter acquisitions(String pool, String result) {
        return registry.get("pools.acquisitions").tags("system", "search", "pool", pool, "result", result).functionCounter();
    }

    @Test
    void poolMetersMoveWithAcquireAndRelease() {
        try (MemoryPoolSystem system = MemoryPoolSystem.create(CONFIG)) {
            PoolSystemMetrics.monitor(registry, system, "search");
            Gauge inUse = poolGauge("pools.objects.in.use", "graph-nodes");
            Gauge free = poolGauge("pools.objects.free", "graph-nodes");
            FunctionCounter releases = registry.get("pools.releases").tags("pool", "graph-nodes").functionCounter();
            double hitsBefore = acquisitions("graph-nodes", "hit").count() + acquisitions("graph-nodes", "miss").count();
            double freeBefore = free.value();
            assertEquals(0, inUse.value());

            GraphNode node = system.nodePool().acquire();
            assertEquals(1, inUse.value());
            assertEquals(1, poolGauge("pools.objects.in.use.peak", "graph-nodes").value());
            assertEquals(hitsBefore + 1, acquisitions("graph-nodes", "hit").count() + acquisitions("graph-nodes", "miss").count());
            assertEquals(freeBefore - 1, free.value(), "a hit takes a free object");

            system.nodePool().release(node);
            assertEquals(0, inUse.value());
            assertEquals(freeBefore, free.value());
            assertEquals(1, releases.count());
            assertEquals(system.nodePool().stats().created(),
                    registry.get("pools.objects.created").tags("pool", "graph-nodes").functionCounter().count());
            assertEquals(system.nodePool().stats().capacity(), poolGauge("pools.objects.capacity", "graph-nodes").value());
            assertEquals(CONFIG.capacities().maxNodesPerPool(), poolGauge("pools.objects.max", "graph-nodes").value());
        }
    }

    @Test
    void everyPoolOfTheSystemIsBoundWithTheSameMeters() {
        try (MemoryPoolSystem system = MemoryPoolSystem.create(CONFIG)) {
            new PoolSystemMetrics(system, "search", Tags.of("region", "eu")).bindTo(registry);
            Set<String> pools = system.pools().stream().map(p -> p.stats().name()).collect(Collectors.toSet());
            assertEquals(Set.of("graph-nodes", "search-results", "json-objects", "json-arrays", "embeddings"), pools);
            for (String name : List.of("pools.objects.in.use", "pools.objects.free", "pools.objects.capacity",
                    "pools.objects.max", "pools.objects.in.use.peak", "pools.releases", "pools.refusals", "pools.reused")) {
                assertEquals(pools, registry.find(name).meters().stream().map(m -> m.getId().getTag("pool"))
                        .collect(Collectors.toSet()), name);
            }
            assertEquals(2 * pools.size(), registry.find("pools.acquisitions").meters().size(), "hit and miss per pool");
            assertTrue(registry.getMeters().stream().allMatch(m -> "eu".equals(m.getId().getTag("region"))
                    && "search".equals(m.getId().getTag("system"))), "every meter carries the system and common tags");
        }
    }

    @Test
    void budgetAndArenaMetersMoveAndUseBaseUnits() {
        try (MemoryPoolSystem system = MemoryPoolSystem.create(CONFIG)) {
            assertTrue(system.providers().containsKey(Capability.ARENAS));
            PoolSystemMetrics.monitor(registry, system, "search");
            Gauge limit = registry.get("pools.budget.limit").gauge();
            Gauge reserved = registry.get("pools.budget.reserved").gauge();
            assertEquals(64.0 * 1024 * 1024, limit.value());
            assertEquals("bytes", limit.getId().getBaseUnit());
            assertEquals("bytes", registry.get("pools.arenas.reserved").gauge().getId().getBaseUnit());
            assertEquals("bytes", registry.get("pools.reused").tags("pool", "embeddings").functionCounter().getId().getBaseUnit());
            assertEquals("objects", poolGauge("pools.objects.in.use", "embeddings").getId().getBaseUnit());

            double reservedBefore = reserved.value();
            try (ScopedArena arena = system.arenas().acquire(ArenaKind.PRIMITIVE)) {
                MemorySegment bytes = arena.allocate(1024, 64);
                bytes.fill((byte) 1);
                assertEquals(1, registry.get("pools.arenas.active").gauge().value());
                assertTrue(reserved.value() > reservedBefore, "the arena's page is reserved against the budget");
                assertTrue(registry.get("pools.budget.reserved.peak").gauge().value() >= reserved.value());
            }
            assertEquals(0, registry.get("pools.arenas.active").gauge().value());
            assertEquals(1, registry.get("pools.arenas.acquisitions").functionCounter().count());
            assertEquals(1, registry.get("pools.arenas.pooled").gauge().value());

            Embedding embedding = system.embeddingPool().acquire();
            assertEquals(1, poolGauge("pools.objects.in.use", "embeddings").value());
            system.embeddingPool().release(embedding);
            assertEquals(0, registry.get("pools.budget.refusals").functionCounter().count());
        }
    }

    @Test
    void bindingAgainAddsPoolsCreatedSinceAndKeepsTheOthers() {
        try (MemoryPoolSystem system = MemoryPoolSystem.create(CONFIG)) {
            PoolSystemMetrics metrics = new PoolSystemMetrics(system, "search");
            metrics.bindTo(registry);
            int before = registry.getMeters().size();
            ObjectPool<StringBuilder> host = system.createPool(ObjectPoolSpec.builder("host", StringBuilder::new).maxCapacity(4).build());
            assertTrue(registry.find("pools.objects.in.use").tags("pool", "host").meters().isEmpty());

            metrics.bindTo(registry);
            host.acquire();
            assertEquals(1, poolGauge("pools.objects.in.use", "host").value());
            List<Meter> hostMeters = registry.getMeters().stream().filter(m -> "host".equals(m.getId().getTag("pool"))).toList();
            assertEquals(before + hostMeters.size(), registry.getMeters().size(), "the other meters are not duplicated");
        }
    }

    @Test
    void aBlankOrMissingNameIsRefusedAndRegistersNothing() {
        try (MemoryPoolSystem system = MemoryPoolSystem.create(CONFIG)) {
            IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
                    () -> PoolSystemMetrics.monitor(registry, system, " "));
            assertTrue(blank.getMessage().contains("systemName"), blank.getMessage());
            assertThrows(NullPointerException.class, () -> new PoolSystemMetrics(null, "search"));
            assertThrows(NullPointerException.class, () -> PoolSystemMetrics.monitor(null, system, "search"));
            assertTrue(registry.getMeters().isEmpty());
        }
    }
}

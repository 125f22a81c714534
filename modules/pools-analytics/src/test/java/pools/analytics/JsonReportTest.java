package pools.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pools.api.ArenaMode;
import pools.api.ArenaStats;
import pools.api.BudgetStats;
import pools.api.Capability;
import pools.api.LeakDetection;
import pools.api.LeakReport;
import pools.api.MemoryPoolSystem;
import pools.api.PoolAnalytics;
import pools.api.PoolConfig;
import pools.api.PoolStats;
import pools.api.ProviderFailure;
import pools.api.seed.GraphNode;

class JsonReportTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void theReportOfALiveSystemParsesBackToItsSnapshot() throws Exception {
        try (MemoryPoolSystem system = Systems.create(LeakDetection.OFF)) {
            List<GraphNode> held = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                held.add(system.nodePool().acquire());
            }
            held.forEach(system.nodePool()::release);
            system.nodePool().release(system.nodePool().acquire());
            system.searchResultPool().acquire();
            PoolAnalytics snapshot = system.analytics();
            JsonNode json = MAPPER.readTree(JsonReport.render(snapshot));
            assertMatches(snapshot, json);
            assertEquals(json.get("pools"), MAPPER.readTree(system.report()).get("pools"), "report() renders the same counters");
            assertEquals(6, json.get("pools").get(0).get("allocated").asLong());
            assertEquals(1, json.get("pools").get(0).get("hits").asLong());
            assertEquals(1, json.get("totals").get("allocationsSaved").asLong());
            assertTrue(json.get("leaks").isEmpty());
            assertTrue(json.get("arenas").isNull());
        }
    }

    @Test
    void everyFieldOfASnapshotWithArenasAndLeaksRoundTrips() throws Exception {
        PoolConfig config = PoolConfig.builder().leakDetection(LeakDetection.FULL)
                .preferProvider(Capability.ARENAS, "arena").build();
        StackTraceElement frame = new StackTraceElement("a.B", "c", "B.java", 7);
        PoolAnalytics snapshot = new PoolAnalytics(Instant.ofEpochSecond(1_700_000_000, 123_000_000), config,
                Map.of(Capability.OBJECT_POOLS, "fixed", Capability.ANALYTICS, "analytics"),
                List.of(new PoolStats("a", 10, 3, 3, 12, 4, 3, 8, 2, 64), new PoolStats("b \"q\"", 0, 0, 0, 0, 0, 0, 1, 0, 0)),
                new ArenaStats(1, 2, 3, 4, 5, 6, 7, ArenaMode.UNCHECKED,
                        "UNCHECKED because module pools.arena has no native access; run with --enable-native-access=pools.arena"), new BudgetStats(1000, 400, 600, 9),
                List.of(new LeakReport("a", "x@1", 42, "main", List.of(frame))),
                List.of(new ProviderFailure(Capability.ARENAS, "p.Q: Provider r.S not found")));
        String report = new PoolAnalyticsProvider().create(config).toJson(snapshot);
        JsonNode json = MAPPER.readTree(report);
        assertMatches(snapshot, json);
        assertEquals(List.of("formatVersion", "takenAt", "takenAtEpochMillis", "totals", "providers", "pools",
                "arenas", "budget", "leaks", "providerFailures", "config"), names(json));
        List<String> inCapabilityOrder = new ArrayList<>();
        for (Capability capability : Capability.values()) {
            if (snapshot.providers().containsKey(capability)) {
                inCapabilityOrder.add(capability.name());
            }
        }
        assertEquals(inCapabilityOrder, names(json.get("providers")), "providers in Capability order, stable");
    }

    /** Compares every value of the report with the snapshot it was rendered from. */
    static void assertMatches(PoolAnalytics snapshot, JsonNode json) {
        assertEquals(JsonReport.FORMAT_VERSION, json.get("formatVersion").intValue());
        assertEquals(snapshot.takenAt(), Instant.parse(json.get("takenAt").textValue()));
        assertEquals(snapshot.takenAt().toEpochMilli(), json.get("takenAtEpochMillis").longValue());
        assertEquals(snapshot.allocationsSaved(), json.get("totals").get("allocationsSaved").longValue());
        assertEquals(snapshot.memoryReusedBytes(), json.get("totals").get("memoryReusedBytes").longValue());
        assertEquals(snapshot.pools().stream().filter(p -> p.bytesPerObject() == 0).mapToLong(PoolStats::hits).sum(),
                json.get("totals").get("allocationsSavedOfUnknownSize").longValue());
        assertEquals(snapshot.providers().size(), json.get("providers").size());
        snapshot.providers().forEach((capability, name) ->
                assertEquals(name, json.get("providers").get(capability.name()).textValue()));
        assertEquals(snapshot.pools().size(), json.get("pools").size());
        for (int i = 0; i < snapshot.pools().size(); i++) {
            assertPool(snapshot.pools().get(i), json.get("pools").get(i));
        }
        ArenaStats arenas = snapshot.arenas();
        JsonNode a = json.get("arenas");
        if (arenas == null) {
            assertTrue(a.isNull());
        } else {
            assertEquals(List.of(arenas.activeArenas(), arenas.pooledArenas(), arenas.acquisitions(), arenas.pagesInUse(),
                    arenas.idlePages(), arenas.reservedBytes(), arenas.oversizeAllocations()),
                    longs(a, "activeArenas", "pooledArenas", "acquisitions", "pagesInUse", "idlePages",
                            "reservedBytes", "oversizeAllocations"));
            assertEquals(arenas.mode().name(), a.get("mode").textValue());
            assertEquals(arenas.modeDescription(), a.get("modeDescription").textValue());
        }
        BudgetStats budget = snapshot.budget();
        assertEquals(List.of(budget.limitBytes(), budget.reservedBytes(), budget.peakReservedBytes(),
                budget.availableBytes(), budget.refusals()), longs(json.get("budget"),
                "limitBytes", "reservedBytes", "peakReservedBytes", "availableBytes", "refusals"));
        assertEquals(snapshot.providerFailures().size(), json.get("providerFailures").size());
        for (int i = 0; i < snapshot.providerFailures().size(); i++) {
            ProviderFailure failure = snapshot.providerFailures().get(i);
            JsonNode f = json.get("providerFailures").get(i);
            assertEquals(List.of("capability", "error"), names(f));
            assertEquals(failure.capability().name(), f.get("capability").textValue());
            assertEquals(failure.error(), f.get("error").textValue());
        }
        assertEquals(snapshot.leaks().size(), json.get("leaks").size());
        for (int i = 0; i < snapshot.leaks().size(); i++) {
            LeakReport leak = snapshot.leaks().get(i);
            JsonNode l = json.get("leaks").get(i);
            assertEquals(leak.pool(), l.get("pool").textValue());
            assertEquals(leak.description(), l.get("description").textValue());
            assertEquals(leak.acquiredNanos(), l.get("acquiredNanos").longValue());
            assertEquals(leak.threadName(), l.get("threadName").textValue());
            assertEquals(leak.acquiredAt().stream().map(StackTraceElement::toString).toList(),
                    texts(l.get("acquiredAt")));
        }
        assertConfig(snapshot.config(), json.get("config"));
    }

    private static void assertPool(PoolStats pool, JsonNode p) {
        assertEquals(pool.name(), p.get("name").textValue());
        assertEquals(List.of(pool.hits(), pool.misses(), pool.created(), pool.allocated(), pool.freed(), pool.inUse(), pool.peakInUse(),
                pool.free(), pool.capacity(), pool.maxCapacity(), pool.refusals(), pool.bytesPerObject(), pool.reusedBytes()),
                longs(p, "hits", "misses", "created", "allocated", "freed", "inUse", "peakInUse", "free", "capacity",
                        "maxCapacity", "refusals", "bytesPerObject", "reusedBytes"));
        assertEquals(pool.hitRate(), p.get("hitRate").doubleValue());
        assertEquals(pool.utilizationRate(), p.get("utilizationRate").doubleValue());
        assertEquals(pool.efficiencyRate(), p.get("efficiencyRate").doubleValue());
        assertTrue(p.get("hitRate").isNumber() && p.get("hits").isIntegralNumber());
    }

    private static void assertConfig(PoolConfig config, JsonNode c) {
        assertEquals(List.of((long) config.pageSizes().smallPageSize(), (long) config.pageSizes().mediumPageSize(), (long) config.pageSizes().largePageSize(),
                (long) config.capacities().maxNodesPerPool(), (long) config.capacities().maxSearchResultsPerPool(),
                (long) config.capacities().maxJsonObjectsPerPool(), (long) config.capacities().maxEmbeddingsPerPool(),
                (long) config.capacities().initialPoolCapacity(), (long) config.embeddings().embeddingDimension(),
                (long) config.embeddings().embeddingAlignment(), (long) config.arenaSizes().primitiveArenaSize(), (long) config.arenaSizes().searchArenaSize(),
                (long) config.arenaSizes().jsonArenaSize(), (long) config.budget().maxTotalPoolMemoryMb(), config.budget().arenaIdleRetainBytes()),
                longs(c, "smallPageSize", "mediumPageSize", "largePageSize", "maxNodesPerPool",
                        "maxSearchResultsPerPool", "maxJsonObjectsPerPool", "maxEmbeddingsPerPool",
                        "initialPoolCapacity", "embeddingDimension", "embeddingAlignment", "primitiveArenaSize",
                        "searchArenaSize", "jsonArenaSize", "maxTotalPoolMemoryMb", "arenaIdleRetainBytes"));
        assertEquals(config.budget().poolGrowthFactor(), c.get("poolGrowthFactor").doubleValue());
        assertEquals(config.safetyChecks().leakDetection().name(), c.get("leakDetection").textValue());
        assertEquals(config.safetyChecks().arenaSafety().name(), c.get("arenaSafety").textValue());
        assertEquals(config.preferredProviders().size(), c.get("preferredProviders").size());
        config.preferredProviders().forEach((capability, name) ->
                assertEquals(name, c.get("preferredProviders").get(capability.name()).textValue()));
        assertEquals(configFieldNames(), names(c), "one JSON field per field of each PoolConfig concern, in order");
    }

    /**
     * The fields of each of PoolConfig's concern records, flattened (the idle arena retain as the
     * effective {@code arenaIdleRetainBytes}, not the host's optional setting), then preferredProviders.
     */
    private static List<String> configFieldNames() {
        List<String> names = new ArrayList<>();
        for (RecordComponent concern : PoolConfig.class.getRecordComponents()) {
            if (!concern.getType().isRecord()) {
                names.add(concern.getName());
                continue;
            }
            for (RecordComponent field : concern.getType().getRecordComponents()) {
                names.add(field.getName().equals("arenaIdleRetainSetting") ? "arenaIdleRetainBytes" : field.getName());
            }
        }
        return names;
    }

    private static List<Long> longs(JsonNode node, String... fields) {
        List<Long> values = new ArrayList<>();
        for (String field : fields) {
            assertTrue(node.get(field).isIntegralNumber(), field + " is a JSON integer");
            values.add(node.get(field).longValue());
        }
        return values;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.textValue()));
        return values;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}

package pools.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pools.api.BudgetExceededException;
import pools.api.LeakDetection;
import pools.api.MemoryPoolSystem;
import pools.api.ObjectPool;
import pools.api.ObjectPoolSpec;
import pools.api.PoolExhaustedException;
import pools.api.PoolStats;
import pools.api.spi.AnalyticsService;

class JfrEventsTest {
    private static final String[] EVENTS = {"agrama.PoolGrowth", "agrama.PoolExhausted", "agrama.BudgetRefused",
        "agrama.LeakReported"};

    @TempDir
    Path dir;

    @Test
    void growthExhaustionRefusalLeaksAndStatisticsAreRecordedWithTheirFields() throws Exception {
        String name = "jfr-pool-" + System.nanoTime();
        List<RecordedEvent> events;
        try (Recording recording = new Recording()) {
            for (String event : EVENTS) {
                recording.enable(event).withPeriod(Duration.ofMillis(50));
            }
            recording.start();
            try (MemoryPoolSystem system = Systems.create(LeakDetection.FULL)) {
                ObjectPool<StringBuilder> pool = system.createPool(
                        ObjectPoolSpec.<StringBuilder>builder(name, StringBuilder::new).maxCapacity(2).build());
                StringBuilder first = pool.acquire();
                pool.acquire();
                assertThrows(PoolExhaustedException.class, pool::acquire);
                pool.release(first);
                long tooMuch = system.budget().limitBytes() + 1;
                assertThrows(BudgetExceededException.class, () -> system.budget().reserve(tooMuch, name));
                assertEquals(1, system.analytics().leaks().stream().filter(l -> l.pool().equals(name)).count());
            }
            recording.stop();
            Path file = dir.resolve("pools.jfr");
            recording.dump(file);
            events = RecordingFile.readAllEvents(file);
        }

        List<RecordedEvent> growth = named(events, "agrama.PoolGrowth", name);
        assertEquals(2, growth.size(), "one growth event per object the test pool created");
        assertEquals(0, growth.get(0).getLong("fromCapacity"));
        assertEquals(1, growth.get(0).getLong("toCapacity"));
        assertEquals(2, growth.get(1).getLong("toCapacity"));
        assertTrue(growth.get(0).getLong("system") > 0);

        List<RecordedEvent> exhausted = named(events, "agrama.PoolExhausted", name);
        assertEquals(1, exhausted.size());
        assertEquals(2, exhausted.get(0).getLong("capacity"));

        List<RecordedEvent> refused = events.stream().filter(e -> e.getEventType().getName().equals("agrama.BudgetRefused")
                && name.equals(e.getString("requester"))).toList();
        assertEquals(1, refused.size());
        assertEquals(Systems.SMALL.budget().maxTotalPoolMemoryBytes() + 1, refused.get(0).getLong("requestedBytes"));
        assertEquals(Systems.SMALL.budget().maxTotalPoolMemoryBytes(), refused.get(0).getLong("limitBytes"));

        List<RecordedEvent> leaks = named(events, "agrama.LeakReported", name);
        assertEquals(1, leaks.size(), "a leak is reported to JFR once, however many snapshots list it");
        assertTrue(leaks.get(0).getString("lease").startsWith("java.lang.StringBuilder@"));
        assertTrue(leaks.get(0).getString("acquiredAt").contains("growthExhaustionRefusalLeaksAndStatisticsAreRecorded"),
                leaks.get(0).getString("acquiredAt"));
        assertEquals(Thread.currentThread().getName(), leaks.get(0).getString("acquiringThread"));

    }

    /** The pools' own trim rules are tested with them (pools.fixed, pools.simd); here, what reaches JFR. */
    @Test
    void aTrimIsRecordedWithTheCapacityBeforeAndAfter() throws Exception {
        String name = "jfr-trim-" + System.nanoTime();
        List<RecordedEvent> events;
        try (Recording recording = new Recording()) {
            recording.enable("agrama.PoolTrim");
            recording.start();
            try (AnalyticsService analytics = new PoolAnalyticsProvider().create(Systems.SMALL)) {
                analytics.events().trimmed(name, 24, 16);
            }
            recording.stop();
            Path file = dir.resolve("trim.jfr");
            recording.dump(file);
            events = RecordingFile.readAllEvents(file);
        }
        List<RecordedEvent> trims = named(events, "agrama.PoolTrim", name);
        assertEquals(1, trims.size());
        assertEquals(24, trims.get(0).getLong("fromCapacity"));
        assertEquals(16, trims.get(0).getLong("toCapacity"));
        assertTrue(trims.get(0).getLong("system") > 0);
    }

    @Test
    void periodicStatisticsCarryTheSnapshotsCountersWhileTheSystemIsOpen() throws Exception {
        String name = "jfr-periodic-" + System.nanoTime();
        BlockingQueue<RecordedEvent> pools = new LinkedBlockingQueue<>();
        BlockingQueue<RecordedEvent> systems = new LinkedBlockingQueue<>();
        try (RecordingStream stream = new RecordingStream();
             MemoryPoolSystem system = Systems.create(LeakDetection.OFF)) {
            stream.enable("agrama.PoolStatistics").withPeriod(Duration.ofMillis(50));
            stream.enable("agrama.PoolSystemStatistics").withPeriod(Duration.ofMillis(50));
            stream.onEvent("agrama.PoolStatistics", e -> {
                if (name.equals(e.getString("pool"))) {
                    pools.add(e);
                }
            });
            stream.onEvent("agrama.PoolSystemStatistics", systems::add);
            ObjectPool<StringBuilder> pool = system.createPool(
                    ObjectPoolSpec.<StringBuilder>builder(name, StringBuilder::new).maxCapacity(4).build());
            StringBuilder held = pool.acquire();
            pool.release(pool.acquire());
            pool.release(pool.acquire());
            PoolStats stats = system.analytics().pool(name);
            stream.startAsync();
            RecordedEvent event = pools.poll(20, TimeUnit.SECONDS);
            assertNotNull(event, "no agrama.PoolStatistics event for " + name + " within 20 s");
            assertEquals(stats.hits(), event.getLong("hits"));
            assertEquals(stats.misses(), event.getLong("misses"));
            assertEquals(stats.created(), event.getLong("created"));
            assertEquals(stats.freed(), event.getLong("freed"));
            assertEquals(stats.inUse(), event.getLong("inUse"));
            assertEquals(stats.peakInUse(), event.getLong("peakInUse"));
            assertEquals(stats.capacity(), event.getLong("capacity"));
            assertEquals(stats.maxCapacity(), event.getLong("maxCapacity"));
            assertEquals(stats.refusals(), event.getLong("refusals"));
            assertEquals(stats.hitRate(), event.getDouble("hitRate"));
            assertEquals(stats.utilizationRate(), event.getDouble("utilizationRate"));
            assertEquals(stats.allocated(), event.getLong("allocated"));
            assertEquals(stats.free(), event.getLong("free"));
            assertEquals(stats.efficiencyRate(), event.getDouble("efficiencyRate"));
            assertEquals(stats.bytesPerObject(), event.getLong("bytesPerObject"));
            assertEquals(stats.reusedBytes(), event.getLong("reusedBytes"));
            long id = event.getLong("system");
            RecordedEvent totals;
            do {
                totals = systems.poll(20, TimeUnit.SECONDS);
                assertNotNull(totals, "no agrama.PoolSystemStatistics event for system " + id);
            } while (totals.getLong("system") != id);
            assertEquals(system.analytics().allocationsSaved(), totals.getLong("allocationsSaved"));
            assertEquals(Systems.SMALL.budget().maxTotalPoolMemoryBytes(), totals.getLong("budgetLimitBytes"));
            assertEquals(-1, totals.getLong("activeArenas"), "no arena provider in this system");
            for (String field : List.of("arenaAcquisitions", "arenaPagesInUse", "arenaIdlePages", "arenaReservedBytes",
                    "arenaOversizeAllocations")) {
                assertEquals(-1, totals.getLong(field), field + " without an arena provider");
            }
            assertEquals("none", totals.getString("arenaMode"));
            assertEquals(system.analytics().budget().availableBytes(), totals.getLong("budgetAvailableBytes"));
            pool.release(held);
        }
    }

    @Test
    void aClosedSystemStopsItsPeriodicEvents() throws Exception {
        String closedPool = "jfr-closed-" + System.nanoTime();
        String openPool = "jfr-open-" + System.nanoTime();
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        try (MemoryPoolSystem closed = Systems.create(LeakDetection.OFF)) {
            closed.createPool(ObjectPoolSpec.<Object>builder(closedPool, Object::new).maxCapacity(1).build());
        }
        try (RecordingStream stream = new RecordingStream();
             MemoryPoolSystem open = Systems.create(LeakDetection.OFF)) {
            open.createPool(ObjectPoolSpec.<Object>builder(openPool, Object::new).maxCapacity(1).build());
            stream.enable("agrama.PoolStatistics").withPeriod(Duration.ofMillis(50));
            stream.onEvent("agrama.PoolStatistics", e -> seen.add(e.getString("pool")));
            stream.startAsync();
            int openReports = 0;
            while (openReports < 2) {
                String pool = seen.poll(20, TimeUnit.SECONDS);
                assertNotNull(pool, "the open system's statistics stopped");
                assertNotEquals(closedPool, pool, "a closed system still reports");
                openReports += pool.equals(openPool) ? 1 : 0;
            }
        }
    }

    private static List<RecordedEvent> named(List<RecordedEvent> events, String type, String pool) {
        List<RecordedEvent> matching = new ArrayList<>();
        for (RecordedEvent event : events) {
            if (event.getEventType().getName().equals(type) && pool.equals(event.getString("pool"))) {
                matching.add(event);
            }
        }
        return matching;
    }
}

package pools.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pools.api.ArenaMode;
import pools.api.ArenaStats;
import pools.api.BudgetStats;
import pools.api.PoolAnalytics;
import pools.api.PoolConfig;
import pools.api.PoolStats;

/**
 * The arena and budget figures of a system with an arena provider reach the system MXBean and the
 * periodic JFR event unchanged (each figure a distinct number, so a figure read from the wrong
 * field fails); without one, the other tests check the -1 and "none" stand-ins.
 */
@Timeout(60)
class ArenaFiguresTest {
    private static final ArenaStats ARENAS = new ArenaStats(11, 12, 13, 14, 15, 16, 17, ArenaMode.CHECKED_POOLED,
            "checked and pooled");
    private static final BudgetStats BUDGET = new BudgetStats(1_000, 300, 400, 5);

    private static PoolAnalyticsService attached() {
        PoolAnalyticsService service = new PoolAnalyticsService(PoolConfig.defaults());
        PoolAnalytics snapshot = new PoolAnalytics(Instant.EPOCH, PoolConfig.defaults(), Map.of(),
                List.of(new PoolStats("p", 1, 2, 3, 4, 5, 6, 7, 8, 9)), ARENAS, BUDGET, List.of(), List.of());
        service.attach(() -> snapshot, List.of());
        return service;
    }

    @Test
    void theSystemBeanShowsEveryArenaFigure() {
        try (PoolAnalyticsService service = attached()) {
            SystemBean bean = new SystemBean(service);
            assertEquals(List.of(11L, 12L, 13L, 14L, 15L, 16L, 17L), List.of(bean.getActiveArenas(),
                    bean.getPooledArenas(), bean.getArenaAcquisitions(), bean.getArenaPagesInUse(),
                    bean.getArenaIdlePages(), bean.getArenaReservedBytes(), bean.getArenaOversizeAllocations()));
            assertEquals("CHECKED_POOLED", bean.getArenaMode());
            assertEquals("checked and pooled", bean.getArenaSafety());
            assertEquals(BUDGET.availableBytes(), bean.getBudgetAvailableBytes());
        }
    }

    @Test
    void thePeriodicSystemEventCarriesEveryArenaFigure() throws InterruptedException {
        BlockingQueue<RecordedEvent> events = new LinkedBlockingQueue<>();
        try (RecordingStream stream = new RecordingStream(); PoolAnalyticsService service = attached()) {
            stream.enable("agrama.PoolSystemStatistics").withPeriod(Duration.ofMillis(50));
            stream.onEvent("agrama.PoolSystemStatistics", event -> {
                if (event.getLong("system") == service.id()) {
                    events.add(event);
                }
            });
            stream.startAsync();
            RecordedEvent event = events.poll(20, TimeUnit.SECONDS);
            assertNotNull(event, "no agrama.PoolSystemStatistics event for system " + service.id() + " within 20 s");
            assertEquals(List.of(11L, 12L, 13L, 14L, 15L, 16L, 17L), List.of(event.getLong("activeArenas"),
                    event.getLong("pooledArenas"), event.getLong("arenaAcquisitions"), event.getLong("arenaPagesInUse"),
                    event.getLong("arenaIdlePages"), event.getLong("arenaReservedBytes"),
                    event.getLong("arenaOversizeAllocations")));
            assertEquals("CHECKED_POOLED", event.getString("arenaMode"));
            assertEquals("checked and pooled", event.getString("arenaSafety"));
            assertEquals(BUDGET.availableBytes(), event.getLong("budgetAvailableBytes"));
        }
    }
}

package pools.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.Test;
import pools.api.ArenaKind;
import pools.api.ArenaManager;
import pools.api.ArenaMode;
import pools.api.ArenaStats;
import pools.api.LeakDetection;
import pools.api.MemoryPoolSystem;
import pools.api.ScopedArena;
import pools.api.spi.ArenaManagerProvider;
import pools.api.spi.PoolContext;

/**
 * The arena mode reaches every place a host looks: the JSON report, the system MXBean, the
 * periodic JFR event and the system's toString; and each says "no arena provider" without one.
 */
class ArenaModeReportTest {
    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();

    @Test
    void anUncheckedModeAndItsFlagAreInEveryReport() throws Exception {
        String description = "UNCHECKED because module pools.arena has no native access; run with"
                + " --enable-native-access=pools.arena to make arenas checked (" + System.nanoTime() + ")";
        BlockingQueue<RecordedEvent> events = new LinkedBlockingQueue<>();
        try (RecordingStream stream = new RecordingStream();
             MemoryPoolSystem system = MemoryPoolSystem.builder(Systems.SMALL).discover(false)
                     .provider(new PoolAnalyticsProvider()).provider(new StubArenas(description)).build()) {
            JsonNode arenas = new ObjectMapper().readTree(system.report()).get("arenas");
            assertEquals("UNCHECKED", arenas.get("mode").textValue());
            assertEquals(description, arenas.get("modeDescription").textValue());
            assertTrue(system.toString().contains("arenas: " + description), system.toString());

            system.registerMBeans();
            assertEquals(description, SERVER.getAttribute(systemBean(description), "ArenaSafety"));

            stream.enable("agrama.PoolSystemStatistics").withPeriod(Duration.ofMillis(50));
            stream.onEvent("agrama.PoolSystemStatistics", e -> {
                if (description.equals(e.getString("arenaSafety"))) {
                    events.add(e);
                }
            });
            stream.startAsync();
            assertNotNull(events.poll(20, TimeUnit.SECONDS), "no periodic event carried the arena mode within 20 s");
        }
    }

    @Test
    void withoutAnArenaProviderTheMXBeanSaysSo() throws Exception {
        try (MemoryPoolSystem system = Systems.create(LeakDetection.OFF)) {
            system.registerMBeans();
            long id = -1;
            for (ObjectName name : SERVER.queryNames(new ObjectName("io.agrama.pools:type=PoolSystem,*"), null)) {
                if ("no arena provider".equals(SERVER.getAttribute(name, "ArenaSafety"))) {
                    id = (long) SERVER.getAttribute(name, "Id");
                }
            }
            assertTrue(id >= 0, "a system without arenas says \"no arena provider\"");
            assertTrue(system.toString().contains("arenas: no arena provider"), system.toString());
        }
    }

    private static ObjectName systemBean(String description) throws Exception {
        for (ObjectName name : SERVER.queryNames(new ObjectName("io.agrama.pools:type=PoolSystem,*"), null)) {
            if (description.equals(SERVER.getAttribute(name, "ArenaSafety"))) {
                return name;
            }
        }
        throw new AssertionError("no system MXBean shows " + description);
    }

    /** An arena provider that only reports a mode: what the analytics module sees of any provider. */
    private record StubArenas(String description) implements ArenaManagerProvider {
        @Override
        public String name() {
            return "stub";
        }

        @Override
        public int priority() {
            return 1;
        }

        @Override
        public ArenaManager create(PoolContext context) {
            return new ArenaManager() {
                @Override
                public ScopedArena acquire(ArenaKind kind) {
                    throw new UnsupportedOperationException("this stub only reports a mode");
                }

                @Override
                public ScopedArena acquireShared(ArenaKind kind) {
                    throw new UnsupportedOperationException("this stub only reports a mode");
                }

                @Override
                public ArenaStats stats() {
                    return new ArenaStats(0, 0, 0, 0, 0, 0, 0, ArenaMode.UNCHECKED, description);
                }

                @Override
                public void close() {
                }
            };
        }
    }
}

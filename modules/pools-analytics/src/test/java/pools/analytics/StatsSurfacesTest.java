package pools.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pools.analytics.jmx.PoolMXBean;
import pools.analytics.jmx.PoolSystemMXBean;
import pools.api.ArenaMode;
import pools.api.ArenaStats;
import pools.api.BudgetStats;
import pools.api.PoolAnalytics;
import pools.api.PoolConfig;
import pools.api.PoolStats;

/**
 * Every figure of {@link PoolStats}, {@link ArenaStats} and {@link BudgetStats} (each record
 * component and each derived figure) appears in all five places a user reads it: the record, the
 * JSON report, the periodic JFR event, the MXBean and docs/report-format.md. A new figure missing
 * from any of them fails here, naming the figure and the place. The JFR events and the system
 * MXBean hold a whole system, so there a figure may carry its record's prefix
 * ({@code budgetLimitBytes}) or one of the {@link #OTHER_NAMES}.
 */
class StatsSurfacesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /**
     * Figures that the JFR events and the system MXBean carry under another name: the pool's name
     * is the events' {@code pool} field, and the arena mode in words is {@code arenaSafety}.
     */
    private static final Map<String, String> OTHER_NAMES = Map.of(
            "PoolStats.name", "pool",
            "ArenaStats.modeDescription", "arenaSafety");

    @Test
    void poolFiguresAreInEveryPlace() throws IOException {
        JsonNode pool = report().get("pools").get(0);
        List<String> missing = missing(PoolStats.class, "", pool, PoolStatisticsEvent.class, PoolMXBean.class);
        assertEquals(List.of(), missing);
    }

    @Test
    void arenaFiguresAreInEveryPlace() throws IOException {
        JsonNode arenas = report().get("arenas");
        assertEquals(List.of(), missing(ArenaStats.class, "arena", arenas, SystemStatisticsEvent.class, PoolSystemMXBean.class));
    }

    @Test
    void budgetFiguresAreInEveryPlace() throws IOException {
        JsonNode budget = report().get("budget");
        assertEquals(List.of(), missing(BudgetStats.class, "budget", budget, SystemStatisticsEvent.class, PoolSystemMXBean.class));
    }

    /**
     * The places where a figure of {@code stats} is missing, as {@code "Record.figure: place"}. In
     * the JFR event and the MXBean, which hold a whole system, a figure may carry {@code prefix}
     * ({@code budgetLimitBytes} for {@code BudgetStats.limitBytes}).
     */
    private static List<String> missing(Class<?> stats, String prefix, JsonNode json, Class<?> jfrEvent,
                                        Class<?> mxBean) throws IOException {
        String docs = Files.readString(docsFile());
        List<String> missing = new ArrayList<>();
        for (String figure : figures(stats)) {
            String key = stats.getSimpleName() + "." + figure;
            List<String> names = new ArrayList<>(List.of(figure));
            if (!prefix.isEmpty()) {
                names.add(prefix + capitalized(figure));
            }
            List<String> eventAndBeanNames = new ArrayList<>(names);
            if (OTHER_NAMES.containsKey(key)) {
                eventAndBeanNames.add(OTHER_NAMES.get(key));
            }
            if (!json.has(figure)) {
                missing.add(key + ": JSON report");
            }
            if (eventAndBeanNames.stream().noneMatch(name -> hasField(jfrEvent, name))) {
                missing.add(key + ": JFR event " + jfrEvent.getSimpleName());
            }
            if (eventAndBeanNames.stream().noneMatch(name -> hasGetter(mxBean, name))) {
                missing.add(key + ": MXBean " + mxBean.getSimpleName());
            }
            if (names.stream().noneMatch(name -> docs.contains("`" + name + "`"))) {
                missing.add(key + ": docs/report-format.md");
            }
        }
        return missing;
    }

    /** The record's components, then its public derived figures (no-argument instance methods). */
    private static List<String> figures(Class<?> stats) {
        List<String> figures = new ArrayList<>(Arrays.stream(stats.getRecordComponents()).map(RecordComponent::getName).toList());
        for (Method method : stats.getDeclaredMethods()) {
            boolean derived = Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
                    && method.getParameterCount() == 0 && !figures.contains(method.getName())
                    && !Set.of("toString", "hashCode").contains(method.getName());
            if (derived) {
                figures.add(method.getName());
            }
        }
        return figures;
    }

    private static boolean hasField(Class<?> type, String name) {
        return Arrays.stream(type.getDeclaredFields()).map(Field::getName).anyMatch(name::equals);
    }

    private static boolean hasGetter(Class<?> type, String name) {
        return Arrays.stream(type.getMethods()).anyMatch(method -> method.getName().equals("get" + capitalized(name)));
    }

    private static String capitalized(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static JsonNode report() throws IOException {
        PoolAnalytics snapshot = new PoolAnalytics(Instant.EPOCH, PoolConfig.defaults(), Map.of(),
                List.of(new PoolStats("p", 1, 2, 3, 4, 5, 6, 7, 8, 9)),
                new ArenaStats(1, 2, 3, 4, 5, 6, 7, ArenaMode.CHECKED_POOLED, "checked"),
                new BudgetStats(100, 40, 60, 1), List.of(), List.of());
        return MAPPER.readTree(JsonReport.render(snapshot));
    }

    /** docs/report-format.md, found from the module's directory (or the repository root). */
    private static Path docsFile() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs/report-format.md");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("docs/report-format.md not found above " + Path.of("").toAbsolutePath());
    }
}

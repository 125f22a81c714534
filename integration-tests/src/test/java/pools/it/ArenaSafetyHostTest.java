package pools.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The arena safety a real host gets, in a child JVM launched with and without native access on
 * the module path and the class path: the mode, whether a stale read throws, the words of the
 * report and toString (naming the right flag), and a standard error that stays empty: no
 * restricted method is called without native access, so the JDK has nothing to warn about.
 */
class ArenaSafetyHostTest {
    private static final String MODULE_FLAG = "--enable-native-access=pools.arena";
    private static final String CLASS_PATH_FLAG = "--enable-native-access=ALL-UNNAMED";

    static Stream<Arguments> hosts() {
        return Stream.of(
                Arguments.of("module path", MODULE_FLAG, "AUTO", "CHECKED_POOLED", "checked and pooled"),
                Arguments.of("module path", "", "AUTO", "UNCHECKED", "run with " + MODULE_FLAG + " to make arenas checked"),
                Arguments.of("module path", "", "CHECKED", "CHECKED_UNPOOLED", "run with " + MODULE_FLAG + " to pool pages"),
                Arguments.of("module path", MODULE_FLAG, "UNCHECKED", "UNCHECKED", "as the config chose"),
                Arguments.of("class path", "", "AUTO", "UNCHECKED", "run with " + CLASS_PATH_FLAG + " to make arenas checked"),
                Arguments.of("class path", CLASS_PATH_FLAG, "AUTO", "CHECKED_POOLED", "checked and pooled"));
    }

    @ParameterizedTest(name = "{0} {1} {2}: {3}")
    @MethodSource("hosts")
    void theHostGetsTheModeItsFlagsAllowAndEveryReportSaysWhichInWords(
            String path, String flag, String policy, String mode, String words) {
        List<String> options = flag.isEmpty() ? List.of() : List.of(flag);
        HostLauncher host = HostLauncher.withAllProviders();
        HostLauncher.Outcome outcome = path.equals("module path")
                ? host.runModule("pools.it.ArenaSafetyProbe", options, policy)
                : host.runClassPath("pools.it.ArenaSafetyProbe", options, policy);
        assertEquals(0, outcome.exitCode(), outcome.stderr());
        assertEquals("", outcome.stderr(), "nothing on standard error: no native-access warning, nothing else");
        List<String> lines = outcome.lines();
        assertEquals("mode=" + mode, lines.get(0));
        assertEquals(mode.startsWith("CHECKED") ? "stale=threw IllegalStateException" : "stale=read 5ec12e7",
                lines.get(1), "a segment kept past close");
        assertTrue(lines.get(2).startsWith("system=MemoryPoolSystem[") && lines.get(2).contains(words), lines.get(2));
        String report = outcome.stdout();
        assertTrue(report.contains("\"mode\" : \"" + mode + "\""), report);
        assertTrue(report.contains("\"arenaSafety\" : \"" + policy + "\""), report);
        String description = report.substring(report.indexOf("\"modeDescription\""));
        assertTrue(description.substring(0, description.indexOf('\n')).contains(words), description);
    }
}

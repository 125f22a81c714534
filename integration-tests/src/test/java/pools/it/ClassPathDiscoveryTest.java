package pools.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The same host on a plain class path: providers come through their META-INF/services files. */
class ClassPathDiscoveryTest {
    private final HostLauncher host = HostLauncher.withAllProviders();

    @Test
    void everyCapabilityIsDiscoveredOnTheClassPath() {
        HostLauncher.Outcome outcome = host.runClassPath("pools.it.ProviderProbe", ModulePathDiscoveryTest.WITH_VECTOR);
        assertEquals(0, outcome.exitCode(), outcome.stderr());
        assertEquals(ModulePathDiscoveryTest.ALL_BUILT_IN.values().stream().sorted().toList(),
                outcome.lines().stream().sorted().toList());
        ModulePathDiscoveryTest.assertOnlyTheIncubatorNotice(outcome.stderr());
    }

    @Test
    void aMissingProviderIsNamedOnTheClassPathToo() {
        HostLauncher.Outcome outcome = host.without("pools-arena").runClassPath("pools.it.ProviderProbe", List.of());
        assertEquals(0, outcome.exitCode(), outcome.stderr());
        assertTrue(outcome.lines().stream().anyMatch(line -> line.startsWith("ARENAS!No provider for ARENAS was found: add the module pools.arena")),
                outcome.stdout());
    }
}

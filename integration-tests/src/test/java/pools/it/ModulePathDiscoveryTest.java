package pools.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A host module that requires only pools.api, launched on a real module path: every capability
 * comes through ServiceLoader, priority and explicit names choose among providers, and a missing
 * module is reported by name. Also: no JVM warnings from our jars beyond the incubator notice.
 */
class ModulePathDiscoveryTest {
    static final List<String> WITH_VECTOR = List.of("--add-modules", "jdk.incubator.vector");
    static final String INCUBATOR_NOTICE = "WARNING: Using incubator modules: jdk.incubator.vector";
    static final Map<String, String> ALL_BUILT_IN = Map.of(
            "OBJECT_POOLS", "OBJECT_POOLS=fixed",
            "EMBEDDING_POOLS", "EMBEDDING_POOLS=simd",
            "VECTOR_KERNELS", "VECTOR_KERNELS=vector-api",
            "ARENAS", "ARENAS=arena",
            "ANALYTICS", "ANALYTICS=analytics");

    private final HostLauncher host = HostLauncher.withAllProviders();

    @Test
    void everyCapabilityIsDiscoveredAndTheHighestPriorityKernelsWin() {
        HostLauncher.Outcome outcome = host.runModule("pools.it.ProviderProbe", WITH_VECTOR);
        assertEquals(0, outcome.exitCode(), outcome.stderr());
        assertEquals(List.copyOf(new java.util.TreeMap<>(ALL_BUILT_IN).values()).stream().sorted().toList(),
                outcome.lines().stream().sorted().toList());
        assertOnlyTheIncubatorNotice(outcome.stderr());
    }

    @Test
    void withoutTheIncubatorModuleTheScalarKernelsAreChosenAndNothingIsPrinted() {
        HostLauncher.Outcome outcome = host.runModule("pools.it.ProviderProbe", List.of());
        assertEquals(0, outcome.exitCode(), outcome.stderr());
        assertTrue(outcome.lines().contains("VECTOR_KERNELS=scalar"), outcome.stdout());
        assertEquals("", outcome.stderr().strip(), "a host without the incubator module sees no warning at all");
    }

    @Test
    void theConfigCanChooseAProviderByName() {
        HostLauncher.Outcome outcome = host.runModule("pools.it.ProviderProbe", WITH_VECTOR, "VECTOR_KERNELS=scalar");
        assertEquals(0, outcome.exitCode(), outcome.stderr());
        assertTrue(outcome.lines().contains("VECTOR_KERNELS=scalar"), outcome.stdout());
    }

    @Test
    void aNameNoProviderHasFailsListingTheAvailableOnes() {
        HostLauncher.Outcome outcome = host.runModule("pools.it.ProviderProbe", List.of(), "ARENAS=nope");
        assertNotEquals(0, outcome.exitCode());
        assertTrue(outcome.stderr().contains("ProviderNotFoundException"), outcome.stderr());
        assertTrue(outcome.stderr().contains("asks for provider 'nope' for ARENAS"), outcome.stderr());
        assertTrue(outcome.stderr().contains("arena"), outcome.stderr());
    }

    static List<String> providerArtifacts() {
        return HostLauncher.providerArtifacts();
    }

    @ParameterizedTest(name = "without {0}")
    @MethodSource("providerArtifacts")
    void aHostLaunchedWithoutAProviderModuleIsToldWhichModuleToAdd(String artifact) {
        assertTrue(host.contains(artifact), artifact + " should be on the runtime path to begin with");
        HostLauncher.Outcome outcome = host.without(artifact).runModule("pools.it.ProviderProbe", WITH_VECTOR);
        assertEquals(0, outcome.exitCode(), outcome.stderr());
        String module = "pools." + artifact.substring("pools-".length());
        long missing = outcome.lines().stream().filter(line -> line.contains("!")).peek(line ->
                assertTrue(line.contains("was found: add the module " + module + " (Maven artifact io.agrama.pools:"
                        + artifact + ")"), line)).count();
        assertEquals(artifact.equals("pools-simd") ? 2 : 1, missing, outcome.stdout());
        assertEquals(5 - missing, outcome.lines().stream().filter(ALL_BUILT_IN.values()::contains).count(), outcome.stdout());
    }

    static void assertOnlyTheIncubatorNotice(String stderr) {
        List<String> lines = stderr.lines().filter(line -> !line.isBlank()).toList();
        assertEquals(List.of(INCUBATOR_NOTICE), lines, "nothing but the JDK's incubator notice: no Unsafe or access warnings");
    }
}

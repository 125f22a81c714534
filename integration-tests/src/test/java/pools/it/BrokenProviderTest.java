package pools.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One broken provider on the path (its constructor throws; on the class path its services file
 * also names a class that does not exist): the other providers still load, the failure is
 * listed, and if its capability ends up with no provider the exception names it.
 */
class BrokenProviderTest {
    @TempDir
    Path folder;

    @Test
    void onTheModulePathTheOtherProvidersLoadAndTheFailureIsListed() throws IOException {
        HostLauncher.Outcome outcome = HostLauncher.withAllProviders().with(BrokenProvider.asModule(folder))
                .runModule("pools.it.ProviderProbe", List.of());
        assertEquals(0, outcome.exitCode(), outcome.stderr());
        assertTrue(outcome.lines().containsAll(List.of("OBJECT_POOLS=fixed", "EMBEDDING_POOLS=simd",
                "VECTOR_KERNELS=scalar", "ARENAS=arena", "ANALYTICS=analytics")), outcome.stdout());
        assertEquals(List.of("FAILED!ARENAS: " + instantiationError()), failures(outcome), outcome.stdout());
        assertEquals("", outcome.stderr().strip(), "a skipped provider prints nothing by itself");
    }

    @Test
    void onTheModulePathAMissingCapabilityNamesTheBrokenProvider() throws IOException {
        HostLauncher.Outcome outcome = HostLauncher.withAllProviders().without("pools-arena")
                .with(BrokenProvider.asModule(folder)).runModule("pools.it.ProviderProbe", List.of());
        String arenas = missingArenas(outcome);
        assertTrue(arenas.endsWith("Providers of it that failed to load: [" + instantiationError() + "]"), arenas);
        assertTrue(outcome.lines().contains("OBJECT_POOLS=fixed"), outcome.stdout());
    }

    @Test
    void onTheClassPathBothBrokenEntriesAreListedAndTheOthersLoad() throws IOException {
        HostLauncher.Outcome outcome = HostLauncher.withAllProviders().with(BrokenProvider.forClassPath(folder))
                .runClassPath("pools.it.ProviderProbe", List.of());
        assertEquals(0, outcome.exitCode(), outcome.stderr());
        assertTrue(outcome.lines().contains("ARENAS=arena"), outcome.stdout());
        assertEquals(List.of("FAILED!ARENAS: " + BrokenProvider.SERVICE + ": Provider " + BrokenProvider.ABSENT + " not found",
                "FAILED!ARENAS: " + instantiationError()), failures(outcome), outcome.stdout());
    }

    @Test
    void onTheClassPathAMissingCapabilityNamesBothBrokenEntries() throws IOException {
        HostLauncher.Outcome outcome = HostLauncher.withAllProviders().without("pools-arena")
                .with(BrokenProvider.forClassPath(folder)).runClassPath("pools.it.ProviderProbe", List.of());
        String arenas = missingArenas(outcome);
        assertTrue(arenas.contains(BrokenProvider.ABSENT + " not found"), arenas);
        assertTrue(arenas.contains(instantiationError()), arenas);
        assertEquals(2, failures(outcome).size(), outcome.stdout());
    }

    private static String instantiationError() {
        return BrokenProvider.SERVICE + ": Provider " + BrokenProvider.THROWING + " could not be instantiated"
                + " (caused by java.lang.IllegalStateException: deliberately broken)";
    }

    /** The probe's line for the missing arena capability, after checking the probe ran and told to add the module. */
    private static String missingArenas(HostLauncher.Outcome outcome) {
        assertEquals(0, outcome.exitCode(), outcome.stderr());
        String arenas = outcome.lines().stream().filter(line -> line.startsWith("ARENAS!")).findFirst()
                .orElseThrow(() -> new AssertionError("no ARENAS! line in " + outcome.stdout()));
        assertTrue(arenas.contains("add the module pools.arena"), arenas);
        return arenas;
    }

    private static List<String> failures(HostLauncher.Outcome outcome) {
        return outcome.lines().stream().filter(line -> line.startsWith("FAILED!")).toList();
    }
}

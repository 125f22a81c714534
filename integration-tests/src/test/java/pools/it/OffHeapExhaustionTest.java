package pools.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Fault injection with a real {@link OutOfMemoryError}: a host whose address space is capped
 * (ulimit -v) drives the embedding pool and the arenas past what the OS gives, under a budget far
 * above the cap. Each must surface the error, count only what it really holds, stay usable, and
 * leave no reservation behind.
 */
class OffHeapExhaustionTest {
    /** 2 GiB of address space: room for the JVM itself (small heap and code cache) plus about 1 GiB off-heap. */
    private static final long ADDRESS_SPACE_KIB = 2L << 20;
    private static final List<String> SMALL_JVM = List.of("-Xmx128m", "-XX:ReservedCodeCacheSize=32m",
            "-XX:CompressedClassSpaceSize=32m", "-XX:MaxMetaspaceSize=64m", "-Xss512k", "-XX:ActiveProcessorCount=2");

    @Test
    void anOffHeapOutOfMemoryErrorLeavesEveryPoolConsistent() {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a POSIX shell for ulimit");
        HostLauncher.Outcome outcome = HostLauncher.withAllProviders().runModuleWithAddressSpaceLimit(
                ADDRESS_SPACE_KIB, "pools.it.faults.OffHeapExhaustionProbe", SMALL_JVM);
        assertEquals(0, outcome.exitCode(), outcome.stdout() + outcome.stderr());
        Map<String, String> seen = outcome.lines().stream().filter(line -> line.contains("="))
                .collect(Collectors.toMap(line -> line.substring(0, line.indexOf('=')), line -> line.substring(line.indexOf('=') + 1)));
        String report = outcome.stdout();

        assertTrue(seen.get("embeddings.oom").startsWith("true"), report);
        int held = Integer.parseInt(seen.get("embeddings.held"));
        assertTrue(held > 0, report);
        assertEquals(String.valueOf(held), seen.get("embeddings.capacityAfterOom"), "no half-registered slab: " + report);
        assertEquals(String.valueOf(held), seen.get("embeddings.inUseAfterOom"), report);
        assertEquals("0", seen.get("embeddings.inUseAfterRelease"), report);
        assertEquals(String.valueOf(held), seen.get("embeddings.reacquiredDistinct"), report);
        assertEquals(String.valueOf(held), seen.get("embeddings.reacquiredZeroed"), report);

        assertTrue(seen.get("arenas.oom").startsWith("true"), report);
        assertTrue(Integer.parseInt(seen.get("arenas.oversizeServed")) > 0, report);
        assertEquals("true", seen.get("arenas.usableAfterOom"), report);
        assertEquals("0", seen.get("arenas.active"), report);
        assertEquals("0", seen.get("arenas.oversizeReservationsLeft"), "the refused allocation's reservation was released: " + report);

        assertEquals("0", seen.get("budget.reservedAfterClose"), report);
    }
}

package pools.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Launches a host main class in a fresh JVM (the JDK running the tests) with a module path or
 * class path made of this module's runtime dependencies, minus the artifacts a test leaves out.
 */
final class HostLauncher {
    private static final String[] PROVIDER_ARTIFACTS = {"pools-fixed", "pools-simd", "pools-arena", "pools-analytics"};

    /** What a launched host printed and how it ended. */
    record Outcome(int exitCode, String stdout, String stderr) {

        List<String> lines() {
            return stdout.lines().toList();
        }
    }

    private final List<String> entries;

    private HostLauncher(List<String> entries) {
        this.entries = entries;
    }

    /** Every runtime dependency plus the host's own classes. */
    static HostLauncher withAllProviders() {
        List<String> entries = new ArrayList<>(runtimeDependencies());
        entries.add(System.getProperty("pools.it.hostClasses"));
        return new HostLauncher(List.copyOf(entries));
    }

    /** This module's runtime dependencies (jars, or reactor classes folders), as Maven resolved them. */
    static List<String> runtimeDependencies() {
        try {
            String path = Files.readString(Path.of(System.getProperty("pools.it.runtimePath"))).strip();
            return Arrays.asList(path.split(File.pathSeparator));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same path without the artifact (jar or reactor classes folder) named {@code artifactId}. */
    HostLauncher without(String artifactId) {
        return new HostLauncher(entries.stream().filter(entry -> !isArtifact(entry, artifactId)).toList());
    }

    /** The same path with {@code entry} (a jar or classes folder) added at its end. */
    HostLauncher with(Path entry) {
        List<String> more = new ArrayList<>(entries);
        more.add(entry.toString());
        return new HostLauncher(List.copyOf(more));
    }

    /** The runtime path's entry (jar or reactor classes folder) of {@code artifactId}. */
    static String runtimeEntry(String artifactId) {
        return runtimeDependencies().stream().filter(entry -> isArtifact(entry, artifactId)).findFirst()
                .orElseThrow(() -> new AssertionError(artifactId + " is not on the runtime path"));
    }

    /** Whether the path still holds {@code artifactId}; guards the tests against a silent no-op filter. */
    boolean contains(String artifactId) {
        return entries.stream().anyMatch(entry -> isArtifact(entry, artifactId));
    }

    static List<String> providerArtifacts() {
        return List.of(PROVIDER_ARTIFACTS);
    }

    /** Runs {@code pools.it/mainClass} as a module, with {@code jvmOptions} before {@code -m}. */
    Outcome runModule(String mainClass, List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(List.of(java(), "--module-path", String.join(File.pathSeparator, entries)));
        command.addAll(jvmOptions);
        command.addAll(List.of("-m", "pools.it/" + mainClass));
        command.addAll(List.of(args));
        return run(command);
    }

    /**
     * Runs {@code pools.it/mainClass} as a module in a JVM whose address space is capped at
     * {@code kibibytes} by {@code ulimit -v}, so that off-heap allocations past it fail with a real
     * {@link OutOfMemoryError}. POSIX shells only.
     */
    Outcome runModuleWithAddressSpaceLimit(long kibibytes, String mainClass, List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", "ulimit -v " + kibibytes + " && exec \"$@\"", "sh",
                java(), "--module-path", String.join(File.pathSeparator, entries)));
        command.addAll(jvmOptions);
        command.addAll(List.of("-m", "pools.it/" + mainClass));
        command.addAll(List.of(args));
        return run(command);
    }

    /** Runs {@code mainClass} from the class path, with {@code jvmOptions} before it. */
    Outcome runClassPath(String mainClass, List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(List.of(java(), "-cp", String.join(File.pathSeparator, entries)));
        command.addAll(jvmOptions);
        command.add(mainClass);
        command.addAll(List.of(args));
        return run(command);
    }

    private static boolean isArtifact(String entry, String artifactId) {
        Path path = Path.of(entry);
        String file = path.getFileName().toString();
        // A packaged jar is named artifactId-version.jar; in a reactor build before packaging the
        // entry is the module's target/classes folder, i.e. .../artifactId/target/classes.
        return file.startsWith(artifactId + "-") && file.endsWith(".jar")
                || path.endsWith(Path.of(artifactId, "target", "classes"));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Outcome run(List<String> command) {
        try {
            Path out = Files.createTempFile("host", ".out");
            Path err = Files.createTempFile("host", ".err");
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("host did not finish in 120 s: " + command);
            }
            Outcome outcome = new Outcome(process.exitValue(), Files.readString(out), Files.readString(err));
            Files.delete(out);
            Files.delete(err);
            return outcome;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        }
    }
}

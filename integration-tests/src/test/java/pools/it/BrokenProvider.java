package pools.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.spi.ToolProvider;

/**
 * Builds, in a folder, a deliberately broken arena provider: as a module (module
 * {@code broken.provider}, which {@code provides} a class whose constructor throws), or for the
 * class path (a {@code META-INF/services} file naming that class and one that does not exist).
 * Compiled with the JDK's javac through {@link ToolProvider}, at test time, so that no broken
 * jar is part of the build.
 */
final class BrokenProvider {
    /** The provider class that exists and whose constructor throws. */
    static final String THROWING = "broken.ThrowingArenaProvider";
    /** The class the class path's services file names but nobody wrote. */
    static final String ABSENT = "broken.AbsentArenaProvider";
    static final String SERVICE = "pools.api.spi.ArenaManagerProvider";

    private BrokenProvider() {
    }

    /** The broken provider as module {@code broken.provider}, in a classes folder under {@code folder}. */
    static Path asModule(Path folder) throws IOException {
        return compile(folder);
    }

    /**
     * The broken provider for the class path, in a classes folder under {@code folder}. Not the
     * module's folder: a module's {@code META-INF/services} files are resources the class path
     * lookup of ServiceLoader would read too.
     */
    static Path forClassPath(Path folder) throws IOException {
        Path classes = compile(folder);
        Path services = classes.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(SERVICE), ABSENT + "\n" + THROWING + "\n");
        return classes;
    }

    private static Path compile(Path folder) throws IOException {
        Path sources = folder.resolve("sources");
        Path classes = folder.resolve("classes");
        Files.createDirectories(sources.resolve("broken"));
        Path module = Files.writeString(sources.resolve("module-info.java"), """
                module broken.provider {
                    requires pools.api;
                    provides pools.api.spi.ArenaManagerProvider with broken.ThrowingArenaProvider;
                }
                """);
        Path provider = Files.writeString(sources.resolve("broken/ThrowingArenaProvider.java"), """
                package broken;

                public final class ThrowingArenaProvider implements pools.api.spi.ArenaManagerProvider {
                    public ThrowingArenaProvider() {
                        throw new IllegalStateException("deliberately broken");
                    }

                    @Override public String name() { return "broken"; }
                    @Override public int priority() { return 1000; }
                    @Override public pools.api.ArenaManager create(pools.api.spi.PoolContext context) {
                        throw new AssertionError("never constructed");
                    }
                }
                """);
        ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow(() -> new AssertionError("no javac in this JDK"));
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(messages, true, StandardCharsets.UTF_8);
        int exit = javac.run(out, out, "-d", classes.toString(), "--module-path", HostLauncher.runtimeEntry("pools-api"),
                module.toString(), provider.toString());
        if (exit != 0) {
            throw new AssertionError("javac failed on the broken provider: " + messages.toString(StandardCharsets.UTF_8));
        }
        return classes;
    }
}

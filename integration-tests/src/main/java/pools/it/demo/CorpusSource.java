package pools.it.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Where the demo's files come from: a directory (walked in path order, build output and hidden
 * directories skipped), or a zip or jar (in name order). {@link #byDefault()} is the
 * running JDK's {@code lib/src.zip} when the JDK ships one, else this project's source tree.
 * Files above {@link #MAX_FILE_BYTES} are left out: the demo indexes source, not data blobs.
 */
final class CorpusSource {
    static final int MAX_FILE_BYTES = 1 << 20;

    /** One file to index: its path inside the source and its size in bytes. */
    record Entry(String path, long size) {
    }

    /** Receives each file's bytes, in order. */
    interface Visitor {
        void file(Entry entry, byte[] content);
    }

    private final Path location;
    private final List<Entry> entries;

    private CorpusSource(Path location, List<Entry> entries) {
        this.location = location;
        this.entries = List.copyOf(entries);
    }

    /** The JDK's {@code lib/src.zip}, else the source tree around the working directory. */
    static Path byDefault() {
        Path srcZip = Path.of(System.getProperty("java.home"), "lib", "src.zip");
        if (Files.isRegularFile(srcZip)) {
            return srcZip;
        }
        Path dir = Path.of("").toAbsolutePath();
        for (Path up = dir; up != null; up = up.getParent()) {
            if (Files.isRegularFile(up.resolve("mvnw")) && Files.isDirectory(up.resolve("modules"))) {
                return up;
            }
        }
        return dir;
    }

    /** The first {@code maxFiles} files of {@code location} (a directory, zip or jar). */
    static CorpusSource open(Path location, int maxFiles) {
        try {
            List<Entry> found = Files.isDirectory(location) ? walk(location) : zipEntries(location);
            return new CorpusSource(location, found.subList(0, Math.min(maxFiles, found.size())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the corpus " + location + ": " + e.getMessage(), e);
        }
    }

    Path location() {
        return location;
    }

    List<Entry> entries() {
        return entries;
    }

    long totalBytes() {
        return entries.stream().mapToLong(Entry::size).sum();
    }

    /** Reads every entry and hands it to {@code visitor}. */
    void read(Visitor visitor) {
        try {
            if (Files.isDirectory(location)) {
                for (Entry entry : entries) {
                    visitor.file(entry, Files.readAllBytes(location.resolve(entry.path())));
                }
            } else {
                try (ZipFile zip = new ZipFile(location.toFile())) {
                    for (Entry entry : entries) {
                        try (InputStream in = zip.getInputStream(zip.getEntry(entry.path()))) {
                            visitor.file(entry, in.readAllBytes());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the corpus " + location + ": " + e.getMessage(), e);
        }
    }

    private static List<Entry> walk(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            List<Entry> found = new ArrayList<>();
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                Path relative = root.relativize(file);
                long size = Files.size(file);
                if (!skipped(relative) && size <= MAX_FILE_BYTES) {
                    found.add(new Entry(relative.toString().replace('\\', '/'), size));
                }
            }
            return found;
        }
    }

    /** Build output and hidden directories (.git, .mvn) hold no source worth indexing. */
    private static boolean skipped(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.equals("target") || name.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static List<Entry> zipEntries(Path zipFile) throws IOException {
        try (ZipFile zip = new ZipFile(zipFile.toFile())) {
            return zip.stream().filter(e -> !e.isDirectory() && e.getSize() >= 0 && e.getSize() <= MAX_FILE_BYTES)
                    .sorted(Comparator.comparing(ZipEntry::getName))
                    .map(e -> new Entry(e.getName(), e.getSize())).toList();
        }
    }
}

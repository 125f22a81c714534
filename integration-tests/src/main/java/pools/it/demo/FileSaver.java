package pools.it.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The seed's {@code saveFileOptimized} on the JVM: everything temporary (the copy being
 * validated, the normalized text) lives in scratch memory the caller passes, typically a
 * {@link pools.api.ArenaKind#PRIMITIVE} arena closed right after the call; only the persistent
 * data, the file on disk, outlives it.
 *
 * <pre>{@code
 * try (ScopedArena scratch = pools.arenas().acquire(ArenaKind.PRIMITIVE)) {
 *     saver.save(slot, content, scratch);
 * }   // every temporary byte is given back in O(1)
 * }</pre>
 *
 * <p>Files are {@code slots} files in a directory, rewritten in place the way a database
 * rewrites its pages, so each save costs a write and no open. Not thread-safe: one saver per
 * thread. {@link #close()} closes and deletes every file and the directory.
 */
public final class FileSaver implements AutoCloseable {
    private final Path dir;
    private final FileChannel[] files;

    /** A saver over {@code slots} files in a new temporary directory. */
    public FileSaver(int slots) {
        try {
            dir = Files.createTempDirectory("agrama-demo");
            files = new FileChannel[slots];
            for (int i = 0; i < slots; i++) {
                files[i] = FileChannel.open(dir.resolve("file-" + i + ".txt"), StandardOpenOption.CREATE,
                        StandardOpenOption.READ, StandardOpenOption.WRITE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the demo's temporary files: " + e.getMessage(), e);
        }
    }

    /**
     * Validates {@code content} as text (no NUL byte), normalizes CRLF to LF, and writes the
     * result to file {@code slot}. Returns the normalized text: a segment of {@code scratch},
     * for the caller's further processing while the scratch memory lives.
     *
     * @throws IllegalArgumentException if the content holds a NUL byte (nothing is written)
     */
    public MemorySegment save(int slot, byte[] content, SegmentAllocator scratch) {
        MemorySegment copy = scratch.allocate(content.length);
        MemorySegment.copy(content, 0, copy, ValueLayout.JAVA_BYTE, 0, content.length);
        int size = content.length;
        int nul = indexOfNul(copy, size);
        if (nul >= 0) {
            throw new IllegalArgumentException("file " + slot + " is not text: NUL byte at " + nul);
        }
        MemorySegment normalized = scratch.allocate(size);
        int length = 0;
        // int indices: the JIT hoists a segment's checks out of int-counted loops better than long ones
        for (int i = 0; i < size; i++) {
            byte b = copy.get(ValueLayout.JAVA_BYTE, i);
            if (b == '\r' && i + 1 < size && copy.get(ValueLayout.JAVA_BYTE, i + 1) == '\n') {
                continue;
            }
            normalized.set(ValueLayout.JAVA_BYTE, length++, b);
        }
        MemorySegment text = normalized.asSlice(0, length);
        write(files[slot], text);
        return text;
    }

    private static int indexOfNul(MemorySegment segment, int size) {
        for (int i = 0; i < size; i++) {
            if (segment.get(ValueLayout.JAVA_BYTE, i) == 0) {
                return i;
            }
        }
        return -1;
    }

    private static void write(FileChannel file, MemorySegment data) {
        try {
            var buffer = data.asByteBuffer();
            long position = 0;
            while (buffer.hasRemaining()) {
                position += file.write(buffer, position);
            }
            file.truncate(data.byteSize());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a demo file: " + e.getMessage(), e);
        }
    }

    /** Closes and deletes every file, then the directory. */
    @Override
    public void close() {
        try {
            for (int i = 0; i < files.length; i++) {
                files[i].close();
                Files.deleteIfExists(dir.resolve("file-" + i + ".txt"));
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the demo's temporary files in " + dir + ": " + e.getMessage(), e);
        }
    }
}

package pools.it.demo;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Indexing progress: on a terminal a bar redrawn in place (files, MB/s, ETA) a few times a
 * second; elsewhere (a pipe, a CI log, Maven's exec) a plain line every two seconds, so a log
 * is not flooded with carriage returns.
 */
final class Progress {
    private static final long TERMINAL_EVERY_NANOS = 200_000_000L;
    private static final long PLAIN_EVERY_NANOS = 2_000_000_000L;
    private static final int BAR = 30;

    private final PrintStream out;
    private final boolean terminal;
    private final int totalFiles;
    private final long totalBytes;
    private final long start = System.nanoTime();
    private long nextPrint;

    Progress(PrintStream out, boolean terminal, int totalFiles, long totalBytes) {
        this.out = out;
        this.terminal = terminal;
        this.totalFiles = totalFiles;
        this.totalBytes = totalBytes;
        this.nextPrint = start + (terminal ? TERMINAL_EVERY_NANOS : PLAIN_EVERY_NANOS);
    }

    /** True when standard output is an interactive terminal (not redirected). */
    static boolean onTerminal() {
        return System.console() != null && System.console().isTerminal();
    }

    void update(int files, long bytes) {
        long now = System.nanoTime();
        if (now < nextPrint) {
            return;
        }
        nextPrint = now + (terminal ? TERMINAL_EVERY_NANOS : PLAIN_EVERY_NANOS);
        print(files, bytes, now, false);
    }

    void done(int files, long bytes) {
        print(files, bytes, System.nanoTime(), true);
    }

    private void print(int files, long bytes, long now, boolean last) {
        double seconds = Math.max(1e-9, (now - start) / 1e9);
        double mbPerSecond = bytes / 1e6 / seconds;
        double fraction = totalBytes == 0 ? 1 : Math.min(1, (double) bytes / totalBytes);
        long eta = mbPerSecond <= 0 ? 0 : Math.round((totalBytes - bytes) / 1e6 / mbPerSecond);
        String figures = String.format(Locale.ROOT, "%,d/%,d files, %.1f MB, %.1f MB/s, %s",
                files, totalFiles, bytes / 1e6, mbPerSecond,
                last ? String.format(Locale.ROOT, "took %.1f s", seconds) : "ETA " + eta + " s");
        if (terminal) {
            int filled = (int) Math.round(fraction * BAR);
            out.print("\rindexing [" + "#".repeat(filled) + ".".repeat(BAR - filled) + "] " + figures + "   ");
            if (last) {
                out.println();
            }
        } else {
            out.printf(Locale.ROOT, "indexing: %3.0f %%, %s%n", 100 * fraction, figures);
        }
        out.flush();
    }
}

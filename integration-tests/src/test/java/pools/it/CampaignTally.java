package pools.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The figures of one reliability campaign, one row per pool or fault scenario, written as the
 * markdown table that docs/reliability.md quotes.
 */
final class CampaignTally {
    /** One scenario's figures; {@code lost} and {@code duplicated} must be 0 for the campaign to pass. */
    record Row(String scenario, int threads, long operations, long misuses, long faults, long lost, long duplicated) {
    }

    private final List<Row> rows = new CopyOnWriteArrayList<>();

    void add(Row row) {
        rows.add(row);
    }

    /** Writes the table to {@code file} (the build's target folder), for docs/reliability.md. */
    void writeTo(Path file, int scale) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Stress scale %d (-Dpools.stress.scale), %d cores, %s %s.%n%n", scale,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version")));
        md.append("| scenario | threads | operations | misuses tried | faults injected | objects lost | handed out twice |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        long operations = 0;
        long misuses = 0;
        long faults = 0;
        long lost = 0;
        long duplicated = 0;
        for (Row row : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %,d | %,d | %,d | %d | %d |%n", row.scenario(), row.threads(),
                    row.operations(), row.misuses(), row.faults(), row.lost(), row.duplicated()));
            operations += row.operations();
            misuses += row.misuses();
            faults += row.faults();
            lost += row.lost();
            duplicated += row.duplicated();
        }
        md.append(String.format(Locale.ROOT, "| **total** | | **%,d** | **%,d** | **%,d** | **%d** | **%d** |%n",
                operations, misuses, faults, lost, duplicated));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, md);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

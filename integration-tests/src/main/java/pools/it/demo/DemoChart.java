package pools.it.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/**
 * The demo's chart, drawn by XChart: latency percentiles at the fixed offered rate (log scale,
 * pooled against new-everything) beside flat-out throughput, in one PNG.
 */
final class DemoChart {
    private static final List<String> PERCENTILES = List.of("p50", "p99", "p99.9", "max");

    private DemoChart() {
    }

    /** Writes the chart of {@code pooled} against {@code unpooled} to {@code file}; returns its absolute path. */
    static Path write(WayResult pooled, WayResult unpooled, double offeredRate, Path file) {
        CategoryChart latency = new CategoryChartBuilder().width(640).height(420)
                .title(String.format(java.util.Locale.ROOT, "Latency at %,.0f queries/s offered", offeredRate))
                .xAxisTitle("percentile").yAxisTitle("µs (log scale)").build();
        latency.getStyler().setYAxisLogarithmic(true);
        // bars grow from the axis minimum, which a log axis must keep above 0
        latency.getStyler().setYAxisMin(1.0);
        latency.addSeries(pooled.name, PERCENTILES, latencies(pooled));
        latency.addSeries(unpooled.name, PERCENTILES, latencies(unpooled));
        CategoryChart throughput = new CategoryChartBuilder().width(640).height(420)
                .title("Flat-out throughput").yAxisTitle("queries/s").build();
        throughput.getStyler().setLegendVisible(false);
        throughput.addSeries("queries/s", List.of(pooled.name, unpooled.name),
                List.of(pooled.queriesPerSecond(), unpooled.queriesPerSecond()));
        Path absolute = file.toAbsolutePath();
        try {
            BitmapEncoder.saveBitmap(List.of(latency, throughput), 1, 2, absolute.toString(),
                    BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the chart " + absolute + ": " + e.getMessage(), e);
        }
        return absolute.getFileName().toString().endsWith(".png") ? absolute : Path.of(absolute + ".png");
    }

    private static List<Double> latencies(WayResult way) {
        return List.of(way.micros(50), way.micros(99), way.micros(99.9), way.maxMicros());
    }
}

package pools.benchmarks.report;

import java.util.List;
import java.util.Locale;

/**
 * An SVG bar chart of "times better than the peer" per comparison and setting, on a log scale
 * with a line at 1x (left of it, the peer wins). Plain SVG text: no charting dependency.
 */
final class RatioChart {
    private static final int BAR_HEIGHT = 18;
    private static final int LABEL_WIDTH = 520;
    private static final int PLOT_WIDTH = 420;
    private static final double MIN_RATIO = 0.1;
    private static final double MAX_RATIO = 10_000;

    private RatioChart() {
    }

    static String render(List<Comparison.Pair> pairs) {
        int height = (pairs.size() + 2) * BAR_HEIGHT + 20;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"monospace\" font-size=\"12\">%n",
                LABEL_WIDTH + PLOT_WIDTH + 80, height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        double one = x(1.0);
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"14\">times better than the peer (log scale; the line is 1x)</text>%n", LABEL_WIDTH));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"20\" x2=\"%.1f\" y2=\"%d\" stroke=\"black\"/>%n", one, one, height - 10));
        int y = 24;
        for (Comparison.Pair pair : pairs) {
            double ratio = pair.timesBetter();
            double end = x(ratio);
            String colour = pair.belowFloor() ? "#c0392b" : ratio >= 1 ? "#2e86c1" : "#e67e22";
            svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\">%s</text>%n", y + 13,
                    escape(pair.ours().benchmark() + " vs " + pair.peer().benchmark() + " [" + pair.ours().setting() + "]")));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>%n",
                    Math.min(one, end), y + 2, Math.abs(end - one), BAR_HEIGHT - 4, colour));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%.2fx</text>%n", Math.max(one, end) + 4, y + 13, ratio));
            y += BAR_HEIGHT;
        }
        return svg.append("</svg>\n").toString();
    }

    private static double x(double ratio) {
        double clamped = Math.max(MIN_RATIO, Math.min(MAX_RATIO, ratio));
        double span = Math.log10(MAX_RATIO) - Math.log10(MIN_RATIO);
        return LABEL_WIDTH + PLOT_WIDTH * (Math.log10(clamped) - Math.log10(MIN_RATIO)) / span;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

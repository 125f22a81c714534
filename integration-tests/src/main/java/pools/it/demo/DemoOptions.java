package pools.it.demo;

import java.nio.file.Path;

/**
 * The demo's command line: {@code [--corpus PATH] [--files N] [--seconds S] [--threads N]
 * [--virtual] [--chart FILE]}. Defaults: the JDK's {@code lib/src.zip} (else this source tree),
 * every file, 30 s of load, one thread per available processor, platform threads, and
 * {@code demo-chart.png} in the working directory.
 */
record DemoOptions(Path corpus, int files, double seconds, int threads, boolean virtual, Path chart) {
    private static final String USAGE = "usage: DemoHost [--corpus DIR|ZIP|JAR] [--files N] [--seconds S] "
            + "[--threads N] [--virtual] [--chart FILE.png]";

    static DemoOptions parse(String... args) {
        Path corpus = null;
        int files = Integer.MAX_VALUE;
        double seconds = 30;
        int threads = Runtime.getRuntime().availableProcessors();
        boolean virtual = false;
        Path chart = Path.of("demo-chart.png");
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--virtual")) {
                virtual = true;
                continue;
            }
            if (i + 1 == args.length) {
                throw new IllegalArgumentException(USAGE + "; " + option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--corpus" -> corpus = Path.of(value);
                case "--files" -> files = (int) number(option, value, 1, Integer.MAX_VALUE);
                case "--seconds" -> seconds = number(option, value, 0.1, 3600);
                case "--threads" -> threads = (int) number(option, value, 1, 4096);
                case "--chart" -> chart = Path.of(value);
                default -> throw new IllegalArgumentException(USAGE + "; unknown option " + option);
            }
        }
        return new DemoOptions(corpus == null ? CorpusSource.byDefault() : corpus, files, seconds, threads, virtual, chart);
    }

    private static double number(String option, String value, double min, double max) {
        try {
            double number = Double.parseDouble(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        throw new IllegalArgumentException(USAGE + "; " + option + " takes a number in [" + min + ", " + max
                + "], got " + value);
    }
}

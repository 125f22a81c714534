package pools.it.demo;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * What one way of running the queries (pooled, or {@code new}-everything) measured over its
 * phases: flat-out queries and their time, the response times at the fixed offered rate
 * (HdrHistogram, nanoseconds, from each query's intended start), and the collections, GC time
 * and heap bytes allocated by every thread while its phases ran, and by the workers' query loops
 * alone (unknown on virtual threads).
 */
final class WayResult {
    /** Up to a minute per query at three significant digits: a stalled JVM still records. */
    private static final long HIGHEST_NANOS = TimeUnit.MINUTES.toNanos(1);

    final String name;
    final Histogram serviceNanos = histogram();
    final Histogram responseNanos = histogram();
    long flatOutQueries;
    long flatOutNanos;
    long queries;
    long allocatedBytes;
    long queryLoopBytes;
    boolean queryLoopBytesKnown = true;
    long collections;
    long collectionMillis;

    WayResult(String name) {
        this.name = name;
    }

    /** A histogram of nanoseconds that never resizes, so recording into it allocates nothing. */
    static Histogram histogram() {
        return new Histogram(HIGHEST_NANOS, 3);
    }

    double queriesPerSecond() {
        return flatOutNanos == 0 ? 0 : flatOutQueries * 1e9 / flatOutNanos;
    }

    double bytesPerQuery() {
        return queries == 0 ? 0 : (double) allocatedBytes / queries;
    }

    /** Bytes per query allocated inside the workers' query loops, a part of {@link #bytesPerQuery()}. */
    double queryLoopBytesPerQuery() {
        return queries == 0 ? 0 : (double) queryLoopBytes / queries;
    }

    /** Response time at {@code percentile} (0..100) at the fixed rate, in microseconds. */
    double micros(double percentile) {
        return responseNanos.getValueAtPercentile(percentile) / 1e3;
    }

    double maxMicros() {
        return responseNanos.getMaxValue() / 1e3;
    }
}

package pools.it.demo;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import pools.api.MemoryPoolSystem;
import pools.api.PoolAnalytics;
import pools.api.PoolConfig;
import pools.api.PoolStats;

/**
 * The demo host (the README's run command): plays the Agrama query hot path ({@link QueryWorkload})
 * on pooled memory for {@code --seconds N} (default 5) with a progress line each second, then
 * the same workload with {@code new} everywhere for a quarter of that (at least half a second),
 * after checking that both give the same answers,
 * and prints the system's JSON report between {@value #REPORT_BEGIN} and {@value #REPORT_END}
 * followed by a summary: queries per second, hit rate, and heap bytes allocated per query in
 * each run, measured with {@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}
 * around the queries only (progress lines excluded).
 *
 * <p>While it runs, {@code jcmd <pid> JFR.start} records the {@code agrama.*} events and
 * JConsole shows the {@code io.agrama.pools} MXBeans.
 */
public final class DemoHost {
    static final String REPORT_BEGIN = "--- report (JSON) ---";
    static final String REPORT_END = "--- end of report ---";
    /** Queries run both ways before the timed runs, to check that both give the same answers. */
    private static final int AGREEMENT_QUERIES = 256;
    /** Queries between two looks at the clock: a look costs a little, so not after every query. */
    private static final int BATCH = 64;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private DemoHost() {
    }

    public static void main(String[] args) {
        double seconds = seconds(args);
        PoolConfig config = PoolConfig.builder().maxTotalPoolMemoryMb(64).build();
        try (MemoryPoolSystem system = MemoryPoolSystem.create(config);
             QueryWorkload workload = new QueryWorkload(system)) {
            system.registerMBeans();
            System.out.printf(Locale.ROOT, "Agrama Pools demo, pid %d: %.1f s pooled, then the same queries with new; "
                    + "kernels: %s%n", ProcessHandle.current().pid(), seconds, system.kernels().implementation());
            QueryMemory pooledMemory = QueryMemory.pooled(system, QueryWorkload.K);
            QueryMemory newMemory = QueryMemory.unpooled();
            for (long query = 0; query < AGREEMENT_QUERIES; query++) {
                if (workload.run(query, pooledMemory) != workload.run(query, newMemory)) {
                    throw new IllegalStateException("query " + query + " answered differently pooled and with new");
                }
            }
            Run pooled = play(workload, pooledMemory, seconds, system);
            Run unpooled = play(workload, newMemory, Math.max(0.5, seconds / 4), null);
            PoolAnalytics snapshot = system.analytics();
            System.out.println(REPORT_BEGIN);
            System.out.println(system.report());
            System.out.println(REPORT_END);
            summary(snapshot, pooled, unpooled);
        }
    }

    /** One timed run: queries done, nanoseconds spent and heap bytes allocated by them. */
    record Run(long queries, long nanos, long allocatedBytes) {

        double perSecond() {
            return queries * 1e9 / nanos;
        }

        double bytesPerQuery() {
            return (double) allocatedBytes / queries;
        }
    }

    /** Runs queries for {@code seconds}; prints a progress line each second when {@code progress} is given. */
    private static Run play(QueryWorkload workload, QueryMemory memory, double seconds, MemoryPoolSystem progress) {
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long nextLine = start + 1_000_000_000L;
        long queries = 0;
        long allocated = 0;
        long now = start;
        while (now < end) {
            long before = THREADS.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < BATCH; i++) {
                workload.run(queries++, memory);
            }
            allocated += THREADS.getCurrentThreadAllocatedBytes() - before;
            now = System.nanoTime();
            if (progress != null && now >= nextLine) {
                nextLine += 1_000_000_000L;
                progressLine(progress, queries, now - start);
            }
        }
        return new Run(queries, now - start, allocated);
    }

    private static void progressLine(MemoryPoolSystem system, long queries, long nanos) {
        PoolAnalytics snapshot = system.analytics();
        System.out.printf(Locale.ROOT, "[%4.1f s] %,d queries, %,.0f queries/s, hit rate %.2f %%, budget %,d of %,d bytes reserved%n",
                nanos / 1e9, queries, queries * 1e9 / nanos, 100 * hitRate(snapshot),
                snapshot.budget().reservedBytes(), snapshot.budget().limitBytes());
    }

    /** Hits over acquisitions, over every pool. */
    static double hitRate(PoolAnalytics snapshot) {
        long allocated = snapshot.pools().stream().mapToLong(PoolStats::allocated).sum();
        return allocated == 0 ? 0 : (double) snapshot.allocationsSaved() / allocated;
    }

    private static void summary(PoolAnalytics snapshot, Run pooled, Run unpooled) {
        long allocated = snapshot.pools().stream().mapToLong(PoolStats::allocated).sum();
        System.out.println("--- summary ---");
        System.out.printf(Locale.ROOT, "pooled:          %,d queries in %.2f s = %,.0f queries/s%n",
                pooled.queries(), pooled.nanos() / 1e9, pooled.perSecond());
        System.out.printf(Locale.ROOT, "new-everything:  %,d queries in %.2f s = %,.0f queries/s%n",
                unpooled.queries(), unpooled.nanos() / 1e9, unpooled.perSecond());
        System.out.printf(Locale.ROOT, "hit rate:        %.4f %% (%,d of %,d acquisitions served by a free object)%n",
                100 * hitRate(snapshot), snapshot.allocationsSaved(), allocated);
        System.out.printf(Locale.ROOT, "heap bytes/query: pooled %,.1f, new-everything %,.1f (ThreadMXBean, this thread)%n",
                pooled.bytesPerQuery(), unpooled.bytesPerQuery());
        System.out.printf(Locale.ROOT, "answers:         pooled and new-everything agree on the first %d queries%n",
                AGREEMENT_QUERIES);
    }

    private static double seconds(String[] args) {
        if (args.length == 0) {
            return 5;
        }
        if (args.length == 2 && args[0].equals("--seconds")) {
            try {
                double seconds = Double.parseDouble(args[1]);
                if (seconds > 0 && seconds <= 3600) {
                    return seconds;
                }
            } catch (NumberFormatException e) {
                // reported below with the usage
            }
        }
        throw new IllegalArgumentException("usage: DemoHost [--seconds N], N a number of seconds in (0, 3600]; got "
                + String.join(" ", args));
    }
}

package pools.it.demo;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import pools.api.MemoryPoolSystem;
import pools.api.PoolAnalytics;
import pools.api.PoolConfig;
import pools.api.PoolStats;

/**
 * The demo host (the README's run command): plays the Agrama query hot path ({@link QueryWorkload})
 * for {@code --seconds N} (default 10), in alternate batches on pooled memory and with {@code new}
 * everywhere (after checking that both give the same answers), with a progress line each
 * second (the second half measured, the first warms the JIT up), then prints the system's JSON report between {@value #REPORT_BEGIN} and {@value #REPORT_END}
 * followed by a summary: queries per second, hit rate, and heap bytes allocated per query in
 * each way, measured with {@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}
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
            System.out.printf(Locale.ROOT, "Agrama Pools demo, pid %d: %.1f s of queries, pooled and with new in turn; "
                    + "kernels: %s%n", ProcessHandle.current().pid(), seconds, system.kernels().implementation());
            QueryMemory pooledMemory = QueryMemory.pooled(system, QueryWorkload.K);
            QueryMemory newMemory = QueryMemory.unpooled();
            for (long query = 0; query < AGREEMENT_QUERIES; query++) {
                if (workload.run(query, pooledMemory) != workload.run(query, newMemory)) {
                    throw new IllegalStateException("query " + query + " answered differently pooled and with new");
                }
            }
            Tally pooled = new Tally(workload, pooledMemory);
            Tally unpooled = new Tally(workload, newMemory);
            play(pooled, unpooled, seconds, system);
            PoolAnalytics snapshot = system.analytics();
            System.out.println(REPORT_BEGIN);
            System.out.println(system.report());
            System.out.println(REPORT_END);
            summary(snapshot, pooled, unpooled);
        }
    }

    /**
     * Runs batches of queries pooled and with {@code new}, alternately, for {@code seconds}, so
     * both see the same JIT state and the same machine noise; prints a progress line each second.
     * Only the second half is measured: in the first the JIT is still compiling the hot path
     * (interpreted Vector API code, for one, allocates what compiled code does not). At least one
     * batch each way is measured, however slow the machine.
     */
    private static void play(Tally pooled, Tally unpooled, double seconds, MemoryPoolSystem system) {
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long half = start + (long) (seconds * 0.5e9);
        long nextLine = start + 1_000_000_000L;
        long now = start;
        boolean measuring = false;
        while (now < end || pooled.queries == 0) {
            pooled.batch();
            unpooled.batch();
            now = System.nanoTime();
            if (!measuring && now >= half) {
                measuring = true;
                pooled.startMeasuring();
                unpooled.startMeasuring();
            }
            if (now >= nextLine) {
                nextLine += 1_000_000_000L;
                progressLine(system, pooled, now - start);
            }
        }
    }

    /** One way of running the workload: queries measured, nanoseconds and heap bytes they took. */
    private static final class Tally {
        private final QueryWorkload workload;
        private final QueryMemory memory;
        /** The next query's number; never reset, so both ways run the same queries. */
        private long next;
        private long queries;
        private long nanos;
        private long allocatedBytes;

        Tally(QueryWorkload workload, QueryMemory memory) {
            this.workload = workload;
            this.memory = memory;
        }

        /** Runs {@link #BATCH} queries, measuring only them. */
        void batch() {
            long before = THREADS.getCurrentThreadAllocatedBytes();
            long start = System.nanoTime();
            for (int i = 0; i < BATCH; i++) {
                workload.run(next++, memory);
            }
            nanos += System.nanoTime() - start;
            allocatedBytes += THREADS.getCurrentThreadAllocatedBytes() - before;
            queries += BATCH;
        }

        /** Forgets what was measured so far: the warm-up. */
        void startMeasuring() {
            queries = 0;
            nanos = 0;
            allocatedBytes = 0;
        }

        double perSecond() {
            return queries * 1e9 / nanos;
        }

        double bytesPerQuery() {
            return (double) allocatedBytes / queries;
        }
    }

    private static void progressLine(MemoryPoolSystem system, Tally pooled, long elapsedNanos) {
        PoolAnalytics snapshot = system.analytics();
        System.out.printf(Locale.ROOT, "[%4.1f s] %,d queries each way, hit rate %.2f %%, budget %,d of %,d bytes reserved%n",
                elapsedNanos / 1e9, pooled.next, 100 * hitRate(snapshot),
                snapshot.budget().reservedBytes(), snapshot.budget().limitBytes());
    }

    /** Hits over acquisitions, over every pool. */
    static double hitRate(PoolAnalytics snapshot) {
        long allocated = snapshot.pools().stream().mapToLong(PoolStats::allocated).sum();
        return allocated == 0 ? 0 : (double) snapshot.allocationsSaved() / allocated;
    }

    private static void summary(PoolAnalytics snapshot, Tally pooled, Tally unpooled) {
        long allocated = snapshot.pools().stream().mapToLong(PoolStats::allocated).sum();
        System.out.println("--- summary ---");
        System.out.printf(Locale.ROOT, "pooled:          %,d queries in %.2f s = %,.0f queries/s%n",
                pooled.queries, pooled.nanos / 1e9, pooled.perSecond());
        System.out.printf(Locale.ROOT, "new-everything:  %,d queries in %.2f s = %,.0f queries/s%n",
                unpooled.queries, unpooled.nanos / 1e9, unpooled.perSecond());
        System.out.printf(Locale.ROOT, "hit rate:        %.4f %% (%,d of %,d acquisitions served by a free object)%n",
                100 * hitRate(snapshot), snapshot.allocationsSaved(), allocated);
        System.out.println("(pooled and new-everything ran in turn; measured over the second half of the run)");
        System.out.printf(Locale.ROOT, "heap bytes/query: pooled %,.1f, new-everything %,.1f (ThreadMXBean, this thread)%n",
                pooled.bytesPerQuery(), unpooled.bytesPerQuery());
        System.out.printf(Locale.ROOT, "answers:         pooled and new-everything agree on the first %d queries%n",
                AGREEMENT_QUERIES);
    }

    private static double seconds(String[] args) {
        if (args.length == 0) {
            return 10;
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

package pools.it.demo;

import java.lang.foreign.MemorySegment;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import pools.api.ArenaKind;
import pools.api.MemoryPoolSystem;
import pools.api.ObjectPool;
import pools.api.ObjectPoolSpec;
import pools.api.PoolAnalytics;
import pools.api.PoolConfig;
import pools.api.PoolStats;
import pools.api.ScopedArena;

/**
 * The demo host (the README's run command): indexes a real corpus into a {@link CorpusIndex}
 * (the JDK's own {@code lib/src.zip} by default; see {@link DemoOptions}), checks that pooled and
 * {@code new}-everything queries give the same answers and that the kernels' top-k equals a
 * double-precision brute force, then runs the queries under load ({@link LoadRunner}) and prints
 * the system's JSON report between {@value #REPORT_BEGIN} and {@value #REPORT_END}, a summary,
 * and the path of a chart ({@link DemoChart}).
 *
 * <p>While it runs, {@code jcmd <pid> JFR.start} records the {@code agrama.*} events and
 * JConsole shows the {@code io.agrama.pools} MXBeans.
 */
public final class DemoHost {
    static final String REPORT_BEGIN = "--- report (JSON) ---";
    static final String REPORT_END = "--- end of report ---";
    /** Queries run both ways before the load, to check that both give the same answers. */
    private static final int AGREEMENT_QUERIES = 256;
    /** Every how many of those the top-k is also checked against the brute force. */
    private static final int BRUTE_FORCE_EVERY = 8;
    private static final long MIB = 1 << 20;
    /** Slices allocated to measure one slice's heap bytes: enough to average over, few enough for one page. */
    private static final int SLICES_MEASURED = 64;
    /** MemorySegments a pooled query allocates: the SEARCH arena's query vector and the JSON arena's answer buffer. */
    private static final int SLICES_PER_QUERY = 2;

    private DemoHost() {
    }

    public static void main(String[] args) {
        DemoOptions options = DemoOptions.parse(args);
        CorpusSource source = CorpusSource.open(options.corpus(), options.files());
        int files = source.entries().size();
        if (files == 0) {
            throw new IllegalArgumentException("no files to index in " + options.corpus());
        }
        try (MemoryPoolSystem system = MemoryPoolSystem.create(config(files, options.threads()))) {
            system.registerMBeans();
            System.out.printf(Locale.ROOT, "Agrama Pools demo, pid %d: corpus %s (%,d files, %.1f MB), %d %s threads, "
                    + "heap max %,d MB, kernels: %s%n", ProcessHandle.current().pid(), source.location(), files,
                    source.totalBytes() / 1e6, options.threads(), options.virtual() ? "virtual" : "platform",
                    Runtime.getRuntime().maxMemory() / MIB, system.kernels().implementation());
            int perQuery = options.threads() * (QueryWorkload.K + 1) * 2;
            ObjectPool<JsonNumber> numbers = system.createPool(ObjectPoolSpec.<JsonNumber>builder("json-numbers",
                    JsonNumber::new).reset(number -> number.set(0)).maxCapacity(Math.max(500, perQuery)).build());
            try (CorpusIndex index = CorpusIndex.build(system, source,
                    new Progress(System.out, Progress.onTerminal(), files, source.totalBytes()))) {
                System.out.printf(Locale.ROOT, "indexed %,d files (%,d skipped, not text), %,d graph edges%n",
                        index.size(), index.skipped(), index.edges());
                int bruteForced = check(system, numbers, index);
                double sliceBytes = sliceBytes(system);
                LoadRunner load = new LoadRunner(options.threads(), options.virtual(),
                        () -> new QueryWorkload(index, system.kernels()),
                        () -> QueryMemory.pooled(system, numbers, QueryWorkload.K));
                load.run(options.seconds(), line -> System.out.println("[load] " + line));
                PoolAnalytics snapshot = system.analytics();
                System.out.println(REPORT_BEGIN);
                System.out.println(system.report());
                System.out.println(REPORT_END);
                Path chart = DemoChart.write(load.pooled, load.unpooled, load.offeredRate(), options.chart());
                summary(options, index, load, snapshot, bruteForced, sliceBytes, chart);
            }
        }
    }

    /** Pools sized for the corpus (an embedding and a node per file) and for the threads' queries. */
    static PoolConfig config(int files, int threads) {
        PoolConfig defaults = PoolConfig.defaults();
        int perQuery = threads * (QueryWorkload.K + 1) * 2;
        long embeddingBytes = files * defaults.embeddings().strideBytes();
        return PoolConfig.builder()
                .maxEmbeddingsPerPool(files)
                .maxNodesPerPool(files + perQuery)
                .maxSearchResultsPerPool(Math.max(defaults.capacities().maxSearchResultsPerPool(), perQuery))
                .maxJsonObjectsPerPool(Math.max(defaults.capacities().maxJsonObjectsPerPool(), perQuery))
                .maxTotalPoolMemoryMb((int) (embeddingBytes / MIB) + 128)
                .build();
    }

    /**
     * Runs the first queries pooled and with {@code new} and fails unless their answers agree;
     * checks a sample of their top-k against the brute force. Returns how many were brute-forced.
     */
    private static int check(MemoryPoolSystem system, ObjectPool<JsonNumber> numbers, CorpusIndex index) {
        QueryWorkload workload = new QueryWorkload(index, system.kernels());
        QueryMemory pooled = QueryMemory.pooled(system, numbers, QueryWorkload.K);
        QueryMemory unpooled = QueryMemory.unpooled();
        BruteForce bruteForce = new BruteForce(index);
        int bruteForced = 0;
        for (long query = 0; query < AGREEMENT_QUERIES; query++) {
            if (workload.run(query, pooled) != workload.run(query, unpooled)) {
                throw new IllegalStateException("query " + query + " answered differently pooled and with new");
            }
            if (query % BRUTE_FORCE_EVERY == 0) {
                if (!bruteForce.agrees(query, workload.nearest(query, pooled))) {
                    throw new IllegalStateException("query " + query + ": the kernels' top-" + QueryWorkload.K
                            + " differs from the double-precision brute force");
                }
                bruteForced++;
            }
        }
        return bruteForced;
    }

    /**
     * Heap bytes of the {@link MemorySegment} object that one allocation from a pooled arena
     * returns, on this JVM (its object header and field layout depend on the JVM's flags). The
     * slices are kept in an array made beforehand, so that none can be optimized away and nothing
     * else is allocated while they are counted.
     */
    private static double sliceBytes(MemoryPoolSystem system) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        MemorySegment[] kept = new MemorySegment[SLICES_MEASURED];
        try (ScopedArena arena = system.arenas().acquire(ArenaKind.SEARCH)) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < kept.length; i++) {
                kept[i] = arena.allocate(Float.BYTES);
            }
            return (double) (threads.getCurrentThreadAllocatedBytes() - before) / kept.length;
        }
    }

    /** Hits over acquisitions, over every pool. */
    static double hitRate(PoolAnalytics snapshot) {
        long acquisitions = snapshot.pools().stream().mapToLong(PoolStats::allocated).sum();
        return acquisitions == 0 ? 0 : (double) snapshot.allocationsSaved() / acquisitions;
    }

    /**
     * What the pooled query still allocates, split into the query loops and the rest of the
     * phases; the loops' part in MemorySegment slices of {@code sliceBytes} (docs/report-format.md,
     * "The demo host's figures", has the allocation profile that shows they are all of it).
     */
    static String remainder(WayResult pooled, double sliceBytes) {
        if (!pooled.queryLoopBytesKnown) {
            return "pooled remainder: not split on virtual threads (the JDK counts their bytes only on their "
                    + "carriers); on platform threads it is the query's MemorySegment slices, see docs/report-format.md";
        }
        double inLoops = pooled.queryLoopBytesPerQuery();
        double outside = pooled.bytesPerQuery() - inLoops;
        // Both counts are the JVM's approximations (TLAB-granular), so the all-threads one can read
        // a little below the loops' own; that is no allocation, and is said as such.
        String rest = outside >= 0
                ? String.format(Locale.ROOT, "%,.1f B/query outside the loops (each phase's thread starts and latches, "
                        + "other JVM threads)", outside)
                : String.format(Locale.ROOT, "none measurable outside the loops (the all-threads count, an "
                        + "approximation like the loops' own, read %,.1f B/query below it)", -outside);
        return String.format(Locale.ROOT, "pooled remainder: %,.1f B/query in the query loops = %.2f MemorySegment "
                        + "objects of %.0f B (the query allocates %d: SegmentAllocator.allocate returns a new slice "
                        + "object, for the SEARCH arena's query vector and the JSON arena's answer buffer, and topK and "
                        + "the writer keep it, so C2 cannot drop it); %s", inLoops, inLoops / sliceBytes, sliceBytes,
                SLICES_PER_QUERY, rest);
    }

    private static void summary(DemoOptions options, CorpusIndex index, LoadRunner load, PoolAnalytics snapshot,
                                int bruteForced, double sliceBytes, Path chart) {
        WayResult pooled = load.pooled;
        WayResult unpooled = load.unpooled;
        long acquisitions = snapshot.pools().stream().mapToLong(PoolStats::allocated).sum();
        System.out.println("--- summary ---");
        System.out.printf(Locale.ROOT, "corpus: %,d files, %.1f MB (%s), %,d graph edges%n",
                index.size(), index.bytes() / 1e6, options.corpus(), index.edges());
        System.out.printf(Locale.ROOT, "load: %d %s threads, heap max %,d MB, %.0f s: warm-up, flat out, then "
                        + "%,.0f queries/s offered (half the slower way's flat-out rate)%n",
                options.threads(), options.virtual() ? "virtual" : "platform", Runtime.getRuntime().maxMemory() / MIB,
                options.seconds(), load.offeredRate());
        for (WayResult way : new WayResult[] {pooled, unpooled}) {
            System.out.printf(Locale.ROOT, "%-16s %,.0f queries/s flat out; at the offered rate p50 %,.0f µs, "
                            + "p99 %,.0f µs, p99.9 %,.0f µs, max %,.0f µs; GC %,d collections, %,d ms%n",
                    way.name + ":", way.queriesPerSecond(), way.micros(50), way.micros(99), way.micros(99.9),
                    way.maxMicros(), way.collections, way.collectionMillis);
        }
        System.out.printf(Locale.ROOT, "latency p99.9: pooled %,.0f µs, new-everything %,.0f µs%n",
                pooled.micros(99.9), unpooled.micros(99.9));
        System.out.printf(Locale.ROOT, "heap bytes/query: pooled %,.1f, new-everything %,.1f "
                + "(every thread, over the measured phases)%n", pooled.bytesPerQuery(), unpooled.bytesPerQuery());
        System.out.println(remainder(pooled, sliceBytes));
        PoolStats embeddings = snapshot.pool("embeddings");
        PoolStats nodes = snapshot.pool("graph-nodes");
        long heldByQueries = snapshot.pools().stream().filter(p -> p != embeddings && p != nodes)
                .mapToLong(PoolStats::inUse).sum() + nodes.inUse() - index.size();
        System.out.printf(Locale.ROOT, "held: %,d embeddings and %,d graph nodes, the index, for the whole run "
                        + "(in use in the report on purpose, not leaked); objects still held by queries: %,d%n",
                embeddings.inUse(), nodes.inUse(), heldByQueries);
        System.out.printf(Locale.ROOT, "hit rate: %.4f %% (%,d of %,d acquisitions served by a free object)%n",
                100 * hitRate(snapshot), snapshot.allocationsSaved(), acquisitions);
        System.out.printf(Locale.ROOT, "answers: pooled and new-everything agree on the first %d queries; "
                + "top-%d equals a double-precision brute force on %d of them%n",
                AGREEMENT_QUERIES, QueryWorkload.K, bruteForced);
        System.out.println("chart: " + chart);
    }
}

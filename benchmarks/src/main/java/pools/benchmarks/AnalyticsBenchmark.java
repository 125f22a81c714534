package pools.benchmarks;

import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import pools.api.LeakDetection;
import pools.api.MemoryPoolSystem;
import pools.api.PoolAnalytics;
import pools.api.PoolConfig;
import pools.api.seed.GraphNode;
import pools.api.spi.AnalyticsProvider;
import pools.api.spi.AnalyticsService;
import pools.api.spi.PoolEvents;

/**
 * What analytics costs a pool: a growth event with no JFR recording (should be as cheap as the
 * empty sink, {@code PoolEvents.NONE}, and allocate nothing), an acquire + release pair reported
 * to leak tracking in SAMPLED and FULL mode (FULL walks the stack: for tests, not hot paths),
 * and rendering the JSON report of a live system's snapshot.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class AnalyticsBenchmark {
    private final Object lease = new Object();
    private MemoryPoolSystem system;
    private PoolAnalytics snapshot;
    private AnalyticsService off;
    private AnalyticsService sampled;
    private AnalyticsService full;
    private PoolEvents offEvents;
    private PoolEvents sampledEvents;
    private PoolEvents fullEvents;

    @Setup(Level.Trial)
    public void setUp() {
        system = MemoryPoolSystem.create(PoolConfig.builder().maxTotalPoolMemoryMb(64).build());
        for (int i = 0; i < 100; i++) {
            GraphNode node = system.nodePool().acquire();
            system.nodePool().release(node);
        }
        snapshot = system.analytics();
        AnalyticsProvider provider = ServiceLoader.load(AnalyticsProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals("analytics")).findFirst().orElseThrow();
        off = provider.create(PoolConfig.defaults());
        sampled = provider.create(PoolConfig.builder().leakDetection(LeakDetection.SAMPLED).build());
        full = provider.create(PoolConfig.builder().leakDetection(LeakDetection.FULL).build());
        offEvents = off.events();
        sampledEvents = sampled.events();
        fullEvents = full.events();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        off.close();
        sampled.close();
        full.close();
        system.close();
    }

    @Benchmark
    public void growthEventEmptySink() {
        PoolEvents.NONE.grown("graph-nodes", 16, 24);
    }

    @Benchmark
    public void growthEventNotRecorded() {
        offEvents.grown("graph-nodes", 16, 24);
    }

    @Benchmark
    public void leaseTrackedSampled() {
        sampledEvents.acquired("graph-nodes", lease);
        sampledEvents.released("graph-nodes", lease);
    }

    @Benchmark
    public void leaseTrackedFull() {
        fullEvents.acquired("graph-nodes", lease);
        fullEvents.released("graph-nodes", lease);
    }

    @Benchmark
    public String reportJson() {
        return off.toJson(snapshot);
    }
}

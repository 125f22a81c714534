package pools.it.demo;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import pools.api.MemoryPoolSystem;
import pools.api.ObjectPool;
import pools.api.ObjectPoolSpec;

/**
 * The demo host's query ({@link QueryWorkload#run}), pooled and {@code new}-everything, over the
 * same index the README's run builds: the first {@code files} files of the JDK's {@code src.zip}
 * (else this source tree). Run with {@code -prof gc} for B/op. It sits in the demo's package
 * because the demo's classes are package-private: the host module exports nothing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms512m", "-Xmx512m"})
public class DemoQueryBenchmark {
    @Param("4000")
    private int files;

    private MemoryPoolSystem system;
    private CorpusIndex index;
    private QueryWorkload workload;
    private QueryMemory pooled;
    private QueryMemory unpooled;
    private long query;

    @Setup(Level.Trial)
    public void setUp() {
        CorpusSource source = CorpusSource.open(CorpusSource.byDefault(), files);
        system = MemoryPoolSystem.create(DemoHost.config(source.entries().size(), 1));
        index = CorpusIndex.build(system, source,
                new Progress(System.out, false, source.entries().size(), source.totalBytes()));
        ObjectPool<JsonNumber> numbers = system.createPool(ObjectPoolSpec.<JsonNumber>builder("json-numbers",
                JsonNumber::new).reset(number -> number.set(0)).maxCapacity(500).build());
        workload = new QueryWorkload(index, system.kernels());
        pooled = QueryMemory.pooled(system, numbers, QueryWorkload.K);
        unpooled = QueryMemory.unpooled();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        index.close();
        system.close();
    }

    @Benchmark
    public long pooled() {
        return workload.run(query++, pooled);
    }

    @Benchmark
    public long newEverything() {
        return workload.run(query++, unpooled);
    }
}

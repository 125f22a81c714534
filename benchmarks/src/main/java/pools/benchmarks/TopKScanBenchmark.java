package pools.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
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
import pools.api.Embedding;
import pools.api.EmbeddingPool;
import pools.api.EmbeddingPoolSpec;
import pools.api.Metric;
import pools.api.Neighbors;
import pools.api.PoolConfig;
import pools.api.VectorKernels;
import pools.api.spi.EmbeddingPoolProvider;
import pools.api.spi.PoolContext;

/**
 * Top-10 of a query among 100 000 pooled 768-float embeddings (300 MiB, far beyond the caches),
 * so the scan is bound by memory bandwidth: GB/s = {@link #SCANNED_BYTES} / (ns/op). Compare with
 * {@link MemoryBandwidthBenchmark#readSum}, which streams the same number of bytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class TopKScanBenchmark {
    static final int COUNT = 100_000;
    static final int DIMENSION = 768;
    /** Bytes one scan reads: every candidate's vector. */
    static final long SCANNED_BYTES = (long) COUNT * DIMENSION * Float.BYTES;

    private EmbeddingPool pool;
    private final List<Embedding> candidates = new ArrayList<>(COUNT);
    private Embedding query;
    private final Neighbors neighbors = new Neighbors(10);
    private VectorKernels vector;
    private VectorKernels scalar;

    @Setup(Level.Trial)
    public void setUp() {
        vector = VectorKernelsBenchmark.kernels("vector-api");
        scalar = VectorKernelsBenchmark.kernels("scalar");
        EmbeddingPoolProvider simd = ServiceLoader.load(EmbeddingPoolProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals("simd")).findFirst().orElseThrow();
        PoolContext context = PoolContext.standalone(PoolConfig.builder().maxTotalPoolMemoryMb(512).build());
        pool = simd.create(new EmbeddingPoolSpec("scan", DIMENSION, 64, COUNT + 1, COUNT + 1, 1.5), context);
        SplittableRandom random = new SplittableRandom(7);
        float[] values = new float[DIMENSION];
        for (int i = 0; i <= COUNT; i++) {
            for (int j = 0; j < DIMENSION; j++) {
                values[j] = (float) random.nextDouble(-1, 1);
            }
            Embedding embedding = pool.acquire();
            embedding.copyFrom(values);
            if (i == COUNT) {
                query = embedding;
            } else {
                candidates.add(embedding);
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.close();
    }

    @Benchmark
    public int dotVectorApi() {
        vector.topK(query.segment(), candidates, Metric.DOT, neighbors);
        return neighbors.index(0);
    }

    @Benchmark
    public int cosineVectorApi() {
        vector.topK(query.segment(), candidates, Metric.COSINE, neighbors);
        return neighbors.index(0);
    }

    @Benchmark
    public int dotScalar() {
        scalar.topK(query.segment(), candidates, Metric.DOT, neighbors);
        return neighbors.index(0);
    }
}

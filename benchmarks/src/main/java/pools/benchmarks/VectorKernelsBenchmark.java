package pools.benchmarks;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
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
import pools.api.VectorKernels;
import pools.api.spi.VectorKernelsProvider;

/**
 * Dot, cosine and squared L2 of two off-heap vectors: the "vector-api" kernels against the
 * "scalar" ones, and against the plainest Vector API loop (one {@code fma} accumulator, no
 * unrolling) as the yardstick of what the Vector API gives for free.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class VectorKernelsBenchmark {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    @Param({"128", "768", "1536"})
    public int dimension;

    private Arena arena;
    private MemorySegment a;
    private MemorySegment b;
    private VectorKernels vector;
    private VectorKernels scalar;

    @Setup(Level.Trial)
    public void setUp() {
        vector = kernels("vector-api");
        scalar = kernels("scalar");
        arena = Arena.ofShared();
        a = arena.allocate((long) dimension * Float.BYTES, 64);
        b = arena.allocate((long) dimension * Float.BYTES, 64);
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < dimension; i++) {
            a.setAtIndex(ValueLayout.JAVA_FLOAT, i, (float) random.nextDouble(-1, 1));
            b.setAtIndex(ValueLayout.JAVA_FLOAT, i, (float) random.nextDouble(-1, 1));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        arena.close();
    }

    /** The kernels of the provider named {@code name}, found the way a host finds them. */
    static VectorKernels kernels(String name) {
        return ServiceLoader.load(VectorKernelsProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals(name) && p.isAvailable()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no available kernels named " + name))
                .kernels();
    }

    @Benchmark
    public float dotVectorApi() {
        return vector.dot(a, b);
    }

    @Benchmark
    public float dotScalar() {
        return scalar.dot(a, b);
    }

    @Benchmark
    public float dotPlainFmaLoop() {
        FloatVector sum = FloatVector.zero(SPECIES);
        int bound = SPECIES.loopBound(dimension);
        for (int i = 0; i < bound; i += SPECIES.length()) {
            long offset = (long) i * Float.BYTES;
            sum = load(a, offset).fma(load(b, offset), sum);
        }
        return sum.reduceLanes(VectorOperators.ADD);
    }

    @Benchmark
    public float cosineVectorApi() {
        return vector.cosine(a, b);
    }

    @Benchmark
    public float cosineScalar() {
        return scalar.cosine(a, b);
    }

    @Benchmark
    public float cosinePlainFmaLoop() {
        FloatVector dot = FloatVector.zero(SPECIES);
        FloatVector normA = dot;
        FloatVector normB = dot;
        int bound = SPECIES.loopBound(dimension);
        for (int i = 0; i < bound; i += SPECIES.length()) {
            long offset = (long) i * Float.BYTES;
            FloatVector x = load(a, offset);
            FloatVector y = load(b, offset);
            dot = x.fma(y, dot);
            normA = x.fma(x, normA);
            normB = y.fma(y, normB);
        }
        float na = normA.reduceLanes(VectorOperators.ADD);
        float nb = normB.reduceLanes(VectorOperators.ADD);
        return (float) (dot.reduceLanes(VectorOperators.ADD) / Math.sqrt((double) na * nb));
    }

    @Benchmark
    public float squaredL2VectorApi() {
        return vector.squaredL2(a, b);
    }

    @Benchmark
    public float squaredL2Scalar() {
        return scalar.squaredL2(a, b);
    }

    private static FloatVector load(MemorySegment segment, long offset) {
        return FloatVector.fromMemorySegment(SPECIES, segment, offset, ByteOrder.nativeOrder());
    }
}

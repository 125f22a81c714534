package pools.benchmarks;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The machine's memory bandwidth, as the baseline for {@link TopKScanBenchmark}: {@code readSum}
 * streams the same {@link TopKScanBenchmark#SCANNED_BYTES} through four vector accumulators
 * (read bandwidth, GB/s = bytes / (ns/op)); {@code copy} moves half of them to the other half
 * with {@link MemorySegment#copy} (each byte read once and written once).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class MemoryBandwidthBenchmark {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final long STEP = SPECIES.vectorByteSize();

    private Arena arena;
    private MemorySegment memory;

    @Setup(Level.Trial)
    public void setUp() {
        arena = Arena.ofShared();
        memory = arena.allocate(TopKScanBenchmark.SCANNED_BYTES, 64);
        memory.fill((byte) 1);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        arena.close();
    }

    @Benchmark
    public float readSum() {
        FloatVector s0 = FloatVector.zero(SPECIES);
        FloatVector s1 = s0;
        FloatVector s2 = s0;
        FloatVector s3 = s0;
        long size = memory.byteSize() - memory.byteSize() % (4 * STEP);
        for (long offset = 0; offset < size; offset += 4 * STEP) {
            s0 = s0.add(load(offset));
            s1 = s1.add(load(offset + STEP));
            s2 = s2.add(load(offset + 2 * STEP));
            s3 = s3.add(load(offset + 3 * STEP));
        }
        return s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
    }

    @Benchmark
    public MemorySegment copy() {
        long half = memory.byteSize() / 2;
        MemorySegment.copy(memory, 0, memory, half, half);
        return memory;
    }

    private FloatVector load(long offset) {
        return FloatVector.fromMemorySegment(SPECIES, memory, offset, ByteOrder.nativeOrder());
    }
}

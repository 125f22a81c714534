package pools.benchmarks;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
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
import pools.api.Embedding;
import pools.api.EmbeddingPool;
import pools.api.EmbeddingPoolSpec;
import pools.api.Lease;
import pools.api.PoolConfig;
import pools.api.spi.EmbeddingPoolProvider;
import pools.api.spi.PoolContext;

/**
 * One 768-float (3 KiB) vector, 64-byte aligned, taken, touched and given back: the pooled
 * embedding (release zeroes all 3 KiB) against {@code ByteBuffer.allocateDirect} with room to
 * align, a confined {@link Arena} per vector (which zeroes on allocate), and Netty's pooled
 * direct buffers (which do not zero). Run with {@code -prof gc}: the pool should show 0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EmbeddingPoolBenchmark {
    private static final int DIMENSION = 768;
    private static final int BYTES = DIMENSION * Float.BYTES;
    private static final int ALIGNMENT = 64;

    private EmbeddingPool pool;
    private Arena arena;
    private MemorySegment scratch;
    private float value;

    @Setup(Level.Trial)
    public void setUp() {
        EmbeddingPoolProvider simd = ServiceLoader.load(EmbeddingPoolProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals("simd")).findFirst().orElseThrow();
        PoolContext context = PoolContext.standalone(PoolConfig.builder().maxTotalPoolMemoryMb(16).build());
        pool = simd.create(new EmbeddingPoolSpec("bench", DIMENSION, ALIGNMENT, 16, 16, 1.5), context);
        arena = Arena.ofShared();
        scratch = arena.allocate(BYTES, ALIGNMENT);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.close();
        arena.close();
    }

    /**
     * The floor under {@code pooledEmbedding}: zeroing 3 KiB the way every release does, with a
     * loop of 8-byte stores that C2 turns into 256-bit stores (see {@code PooledEmbedding.zero}).
     */
    @Benchmark
    public float zeroingOnly() {
        MemorySegment vector = scratch;
        vector.setAtIndex(ValueLayout.JAVA_FLOAT, DIMENSION - 1, ++value);
        float read = vector.getAtIndex(ValueLayout.JAVA_FLOAT, 0);
        int words = (int) (vector.byteSize() / Long.BYTES);
        for (int i = 0; i < words; i++) {
            vector.setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, i, 0L);
        }
        return read;
    }

    @Benchmark
    public float pooledEmbedding() {
        Embedding embedding = pool.acquire();
        embedding.set(DIMENSION - 1, ++value);
        float read = embedding.get(0);
        pool.release(embedding);
        return read;
    }

    /** {@code pooledEmbedding} as a scoped lease: {@code try (var lease = pool.lease())}. */
    @Benchmark
    public float pooledEmbeddingLease() {
        try (Lease<Embedding> lease = pool.lease()) {
            Embedding embedding = lease.get();
            embedding.set(DIMENSION - 1, ++value);
            return embedding.get(0);
        }
    }

    @Benchmark
    public float allocateDirectAligned() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(BYTES + ALIGNMENT).alignedSlice(ALIGNMENT);
        buffer.putFloat(BYTES - Float.BYTES, ++value);
        return buffer.getFloat(0);
    }

    @Benchmark
    public float arenaConfined() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment segment = arena.allocate(BYTES, ALIGNMENT);
            segment.setAtIndex(ValueLayout.JAVA_FLOAT, DIMENSION - 1, ++value);
            return segment.getAtIndex(ValueLayout.JAVA_FLOAT, 0);
        }
    }

    @Benchmark
    public float nettyPooledDirect() {
        ByteBuf buffer = PooledByteBufAllocator.DEFAULT.directBuffer(BYTES);
        buffer.setFloat(BYTES - Float.BYTES, ++value);
        float read = buffer.getFloat(0);
        buffer.release();
        return read;
    }
}

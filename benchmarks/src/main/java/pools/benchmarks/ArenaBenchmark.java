package pools.benchmarks;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
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
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import pools.api.ArenaKind;
import pools.api.ArenaManager;
import pools.api.PoolConfig;
import pools.api.ScopedArena;
import pools.api.spi.ArenaManagerProvider;
import pools.api.spi.PoolContext;

/**
 * Scratch memory: small allocations (16, 64, 256 bytes) bumped out of a pooled
 * {@link ScopedArena} against {@code Arena.ofConfined()} allocate + close, a
 * {@code SegmentAllocator.slicingAllocator} over a preallocated segment, and
 * {@code ByteBuffer.allocateDirect}; and one arena acquire + close with 0 B, 1 KiB, 64 KiB or
 * 1 MiB used, which should cost the same whatever was used.
 *
 * <p>Each allocation writes one long, as a user would. The bump and slicing benchmarks run
 * {@value #BATCH} allocations per invocation in one arena (one slicing allocator), so one
 * acquire + close is amortized over them. "Checked" is the default safe mode: forks run with
 * native access, so it re-scopes pooled pages; {@code acquireCloseCheckedWithoutNativeAccess}
 * shows what a host without {@code --enable-native-access} pays (an FFM arena per acquisition).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class ArenaBenchmark {
    static final int BATCH = 256;

    /** The size of each small allocation, and a segment for the slicing allocator to carve. */
    @State(Scope.Thread)
    public static class Small {
        @Param({"16", "64", "256"})
        int size;
        MemorySegment preallocated;

        @Setup(Level.Trial)
        public void preallocate() {
            preallocated = Arena.ofAuto().allocate((long) BATCH * 256, 8);
        }
    }

    /** An arena manager in one safety mode. */
    public abstract static class Managers {
        ArenaManager arenas;

        abstract boolean checked();

        @Setup(Level.Trial)
        public void create() {
            ArenaManagerProvider provider = ServiceLoader.load(ArenaManagerProvider.class).stream()
                    .map(ServiceLoader.Provider::get).filter(p -> p.name().equals("arena")).findFirst().orElseThrow();
            arenas = provider.create(PoolContext.standalone(PoolConfig.builder().checkedArenas(checked()).build()));
        }

        @TearDown(Level.Trial)
        public void close() {
            arenas.close();
        }
    }

    @State(Scope.Thread)
    public static class Unchecked extends Managers {
        @Override
        boolean checked() {
            return false;
        }
    }

    @State(Scope.Thread)
    public static class Checked extends Managers {
        @Override
        boolean checked() {
            return true;
        }
    }

    /** Bytes an arena has in use when it is closed. */
    @State(Scope.Thread)
    public static class Used {
        @Param({"0", "1024", "65536", "1048576"})
        int bytes;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long scopedArenaBump(Unchecked managers, Small small) {
        return bump(managers.arenas, small.size);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long scopedArenaBumpChecked(Checked managers, Small small) {
        return bump(managers.arenas, small.size);
    }

    @Benchmark
    public long confinedArenaAllocateClose(Small small) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment s = arena.allocate(small.size, 8);
            s.set(ValueLayout.JAVA_LONG, 0, small.size);
            return s.address();
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long slicingAllocator(Small small) {
        SegmentAllocator allocator = SegmentAllocator.slicingAllocator(small.preallocated);
        long sum = 0;
        for (int i = 0; i < BATCH; i++) {
            MemorySegment s = allocator.allocate(small.size, 8);
            s.set(ValueLayout.JAVA_LONG, 0, i);
            sum += s.address();
        }
        return sum;
    }

    @Benchmark
    public ByteBuffer allocateDirect(Small small) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(small.size);
        buffer.putLong(0, small.size);
        return buffer;
    }

    @Benchmark
    public long acquireClose(Unchecked managers, Used used) {
        return acquireUseClose(managers.arenas, used.bytes);
    }

    @Benchmark
    public long acquireCloseChecked(Checked managers, Used used) {
        return acquireUseClose(managers.arenas, used.bytes);
    }

    @Benchmark
    @Fork(value = 1)
    public long acquireCloseCheckedWithoutNativeAccess(Checked managers, Used used) {
        return acquireUseClose(managers.arenas, used.bytes);
    }

    private static long bump(ArenaManager arenas, int size) {
        long sum = 0;
        try (ScopedArena arena = arenas.acquire(ArenaKind.PRIMITIVE)) {
            for (int i = 0; i < BATCH; i++) {
                MemorySegment s = arena.allocate(size, 8);
                s.set(ValueLayout.JAVA_LONG, 0, i);
                sum += s.address();
            }
        }
        return sum;
    }

    private static long acquireUseClose(ArenaManager arenas, int bytes) {
        try (ScopedArena arena = arenas.acquire(ArenaKind.PRIMITIVE)) {
            if (bytes == 0) {
                return arena.allocatedBytes();
            }
            MemorySegment s = arena.allocate(bytes, 8);
            s.set(ValueLayout.JAVA_LONG, 0, bytes);
            return s.address();
        }
    }
}

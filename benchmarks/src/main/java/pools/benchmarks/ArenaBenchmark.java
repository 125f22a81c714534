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
import pools.api.ArenaMode;
import pools.api.ArenaSafety;
import pools.api.ArenaStats;
import pools.api.PoolConfig;
import pools.api.ScopedArena;
import pools.api.spi.ArenaManagerProvider;
import pools.api.spi.PoolContext;

/**
 * Scratch memory: small allocations (16, 64, 256 bytes) bumped out of a pooled
 * {@link ScopedArena} against {@code Arena.ofConfined()} doing the same (one arena per
 * allocation, or {@value #BATCH} allocations in one arena), a
 * {@code SegmentAllocator.slicingAllocator} over a preallocated segment, and
 * {@code ByteBuffer.allocateDirect}; and one arena acquire + close with 0 B, 1 KiB, 64 KiB or
 * 1 MiB used, against {@code Arena.ofConfined()} allocating and freeing the same.
 *
 * <p>Each allocation writes one long, as a user would. The bump and slicing benchmarks run
 * {@value #BATCH} allocations per invocation in one arena (one slicing allocator), so one
 * acquire + close is amortized over them. Safety modes: "Checked" is {@code CHECKED} with native
 * access (its forks get {@value #NATIVE_ACCESS}: the jar runs on the class path, so
 * {@code pools.arena} is in the unnamed module), i.e. what {@code AUTO}, the default, gives such
 * a host; every other fork runs without the flag (JMH merges a method's {@code @Fork} with the
 * class's, so the flag is on the checked methods only, not on the class). Each
 * manager's setup fails unless it runs in the mode its name says, so a run cannot silently
 * measure another one. The {@code zero*} benchmarks are the zeroing alone, reported apart:
 * per slice as it is allocated, or once over the bytes used as checked arenas do at close.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ArenaBenchmark {
    static final int BATCH = 256;
    static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";

    /** The size of each small allocation, and a segment for the slicing allocator to carve. */
    @State(Scope.Thread)
    public static class Small {
        @Param({"16", "64", "256"})
        int size;
        MemorySegment preallocated;

        @Setup(Level.Trial)
        public void preallocate() {
            preallocated = Arena.ofAuto().allocate((long) BATCH * 256, 64);
        }
    }

    /** An arena manager asked for one safety, checked to run in the mode expected. */
    public abstract static class Managers {
        private final ArenaSafety safety;
        private final ArenaMode expected;
        ArenaManager arenas;

        Managers(ArenaSafety safety, ArenaMode expected) {
            this.safety = safety;
            this.expected = expected;
        }

        @Setup(Level.Trial)
        public void create() {
            ArenaManagerProvider provider = ServiceLoader.load(ArenaManagerProvider.class).stream()
                    .map(ServiceLoader.Provider::get).filter(p -> p.name().equals("arena")).findFirst().orElseThrow();
            arenas = provider.create(PoolContext.standalone(PoolConfig.builder().arenaSafety(safety).build()));
            ArenaStats stats = arenas.stats();
            if (stats.mode() != expected) {
                arenas.close();
                throw new IllegalStateException("this benchmark measures " + expected + " arenas, but this fork runs "
                        + stats.mode() + ": " + stats.modeDescription());
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            arenas.close();
        }
    }

    @State(Scope.Thread)
    public static class Unchecked extends Managers {
        public Unchecked() {
            super(ArenaSafety.UNCHECKED, ArenaMode.UNCHECKED);
        }
    }

    @State(Scope.Thread)
    public static class Checked extends Managers {
        public Checked() {
            super(ArenaSafety.CHECKED, ArenaMode.CHECKED_POOLED);
        }
    }

    @State(Scope.Thread)
    public static class CheckedWithoutNativeAccess extends Managers {
        public CheckedWithoutNativeAccess() {
            super(ArenaSafety.CHECKED, ArenaMode.CHECKED_UNPOOLED);
        }
    }

    /** Bytes an arena has in use when it is closed, and a segment to zero that many bytes of. */
    @State(Scope.Thread)
    public static class Used {
        @Param({"0", "1024", "65536", "1048576"})
        int bytes;
        MemorySegment preallocated;

        @Setup(Level.Trial)
        public void preallocate() {
            preallocated = Arena.ofAuto().allocate(1 << 20, 64);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long scopedArenaBump(Unchecked managers, Small small) {
        return bump(managers.arenas, small.size);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    @Fork(value = 1, jvmArgsAppend = NATIVE_ACCESS)
    public long scopedArenaBumpChecked(Checked managers, Small small) {
        return bump(managers.arenas, small.size);
    }

    @Benchmark
    public long confinedArenaAllocateClose(Small small) {
        return confinedAllocateClose(small.size);
    }

    /** The bump benchmarks' work done with the JDK's own arena: {@value #BATCH} allocations, then close. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long confinedArenaBump(Small small) {
        long sum = 0;
        try (Arena arena = Arena.ofConfined()) {
            for (int i = 0; i < BATCH; i++) {
                MemorySegment s = arena.allocate(small.size, 8);
                s.set(ValueLayout.JAVA_LONG, 0, i);
                sum += s.address();
            }
        }
        return sum;
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
    @Fork(value = 1, jvmArgsAppend = NATIVE_ACCESS)
    public long acquireCloseChecked(Checked managers, Used used) {
        return acquireUseClose(managers.arenas, used.bytes);
    }

    @Benchmark
    public long acquireCloseCheckedWithoutNativeAccess(CheckedWithoutNativeAccess managers, Used used) {
        return acquireUseClose(managers.arenas, used.bytes);
    }

    /** The acquire + close benchmarks' work done with the JDK's own arena. */
    @Benchmark
    public long confinedArenaAcquireClose(Used used) {
        return confinedAllocateClose(used.bytes);
    }

    /** Zeroing alone, as if each slice of a bump batch were zeroed as it is allocated. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long zeroPerAllocation(Small small) {
        long sum = 0;
        for (int i = 0; i < BATCH; i++) {
            MemorySegment s = small.preallocated.asSlice((long) i * small.size, small.size);
            s.fill((byte) 0);
            s.set(ValueLayout.JAVA_LONG, 0, i);
            sum += s.address();
        }
        return sum;
    }

    /** Zeroing alone, once over a bump batch's bytes, as checked arenas do at close; per allocation. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public MemorySegment zeroAtClose(Small small) {
        return small.preallocated.asSlice(0, (long) BATCH * small.size).fill((byte) 0);
    }

    /** Zeroing alone, by copying from a block of zeros, 64 KiB at a time. */
    @Benchmark
    public MemorySegment zeroUsedByCopy(Used used) {
        long done = 0;
        while (done < used.bytes) {
            long chunk = Math.min(ZEROS.byteSize(), used.bytes - done);
            MemorySegment.copy(ZEROS, 0, used.preallocated, done, chunk);
            done += chunk;
        }
        return used.preallocated;
    }

    private static final MemorySegment ZEROS = Arena.global().allocate(64 << 10, 64);

    /** Zeroing alone, over the bytes an acquire + close benchmark uses, as checked arenas do at close. */
    @Benchmark
    public MemorySegment zeroUsed(Used used) {
        return used.preallocated.asSlice(0, used.bytes).fill((byte) 0);
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

    /** One JDK arena, one allocation of {@code bytes} (none for 0) with a long written, closed. */
    private static long confinedAllocateClose(int bytes) {
        try (Arena arena = Arena.ofConfined()) {
            if (bytes == 0) {
                return arena.hashCode();
            }
            MemorySegment s = arena.allocate(bytes, 8);
            s.set(ValueLayout.JAVA_LONG, 0, bytes);
            return s.address();
        }
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

package pools.arena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import pools.api.ArenaKind;
import pools.api.ScopedArena;

/**
 * A shared arena whose segment is held by a native call in flight (a {@code read} blocked on an
 * empty pipe) cannot close its FFM scope: close must fail saying so, leave the arena open and
 * usable, and succeed when called again after the call returns.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
@Timeout(60)
class ArenaCloseRetryTest {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final ValueLayout.OfLong SIZE_T = ValueLayout.JAVA_LONG;
    private static final MethodHandle PIPE = libc("pipe", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
    private static final MethodHandle READ = libc("read",
            FunctionDescriptor.of(SIZE_T, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, SIZE_T));
    private static final MethodHandle WRITE = libc("write",
            FunctionDescriptor.of(SIZE_T, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, SIZE_T));
    private static final MethodHandle CLOSE = libc("close", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));

    @ParameterizedTest
    @EnumSource(value = StaleSegmentCheck.class, names = {"RESCOPED", "PER_ALLOCATION"})
    void aCloseRefusedByANativeCallInFlightLeavesTheArenaOpenAndCanBeRetried(StaleSegmentCheck check) throws Throwable {
        try (PooledArenaManager manager = TestManagers.manager(check); Arena fds = Arena.ofConfined()) {
            MemorySegment pipe = fds.allocate(ValueLayout.JAVA_INT, 2);
            assertEquals(0, (int) PIPE.invokeExact(pipe));
            int readEnd = pipe.getAtIndex(ValueLayout.JAVA_INT, 0);
            int writeEnd = pipe.getAtIndex(ValueLayout.JAVA_INT, 1);
            ScopedArena arena = manager.acquireShared(ArenaKind.JSON);
            MemorySegment buffer = arena.allocate(8, 8);
            CountDownLatch calling = new CountDownLatch(1);
            CompletableFuture<Long> read = CompletableFuture.supplyAsync(() -> {
                calling.countDown();
                return readInto(readEnd, buffer);
            });
            assertTrue(calling.await(10, TimeUnit.SECONDS));
            Thread.sleep(200); // the reader is blocked inside read(2), holding the buffer's scope
            IllegalStateException refused = assertThrows(IllegalStateException.class, arena::close);
            assertTrue(refused.getMessage().contains("a native call in flight"), refused.getMessage());
            assertTrue(refused.getMessage().contains("call close() again"), refused.getMessage());
            assertEquals(1, manager.stats().activeArenas(), "the arena is still open");
            arena.allocate(16, 8).set(ValueLayout.JAVA_LONG, 8, 5L);

            MemorySegment message = fds.allocateFrom(ValueLayout.JAVA_LONG, 42L);
            assertEquals(8L, (long) WRITE.invokeExact(writeEnd, message, 8L));
            assertEquals(8L, read.get(10, TimeUnit.SECONDS));
            assertEquals(42L, buffer.get(ValueLayout.JAVA_LONG, 0));
            arena.close();
            assertEquals(0, manager.stats().activeArenas());
            assertThrows(IllegalStateException.class, () -> buffer.get(ValueLayout.JAVA_LONG, 0));
            assertEquals(0, (int) CLOSE.invokeExact(readEnd));
            assertEquals(0, (int) CLOSE.invokeExact(writeEnd));
        }
    }

    private static long readInto(int fd, MemorySegment buffer) {
        try {
            return (long) READ.invokeExact(fd, buffer, 8L);
        } catch (Throwable e) {
            throw new AssertionError("read(2) failed", e);
        }
    }

    /** A libc downcall; restricted, and this test module runs with native access for pools.arena. */
    @SuppressWarnings("restricted")
    private static MethodHandle libc(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(LINKER.defaultLookup().find(name).orElseThrow(), descriptor);
    }
}

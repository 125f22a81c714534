package pools.arena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import pools.api.ArenaKind;
import pools.api.ArenaStats;
import pools.api.PoolClosedException;
import pools.api.ScopedArena;

@Timeout(60)
class ArenaSafetyTest {
    private static final long SECRET = 0x5EC12E75EC12E7L;

    @ParameterizedTest
    @EnumSource(value = StaleSegmentCheck.class, names = {"RESCOPED", "PER_ALLOCATION"})
    void segmentsAreInaccessibleAfterCloseAndAStaleHandleFails(StaleSegmentCheck check) {
        try (PooledArenaManager manager = TestManagers.manager(check)) {
            ScopedArena first = manager.acquire(ArenaKind.PRIMITIVE);
            MemorySegment stale = first.allocate(64, 8);
            first.close();
            assertThrows(IllegalStateException.class, () -> stale.get(ValueLayout.JAVA_LONG, 0));
            assertThrows(IllegalStateException.class, () -> stale.set(ValueLayout.JAVA_LONG, 0, 1L));
            ScopedArena second = manager.acquire(ArenaKind.PRIMITIVE);
            second.allocate(64, 8);
            ArenaStats before = manager.stats();
            assertThrows(PoolClosedException.class, () -> first.allocate(8, 8), "the stale handle must not reach the new acquisition");
            assertThrows(PoolClosedException.class, first::close);
            assertEquals(before, manager.stats());
            assertEquals(64, second.allocatedBytes(), "the new acquisition is untouched");
            second.close();
        }
    }

    @ParameterizedTest
    @EnumSource(value = StaleSegmentCheck.class, names = {"RESCOPED", "PER_ALLOCATION"})
    void aSecretWrittenInOneArenaIsNotReadableByTheNext(StaleSegmentCheck check) {
        try (PooledArenaManager manager = TestManagers.manager(check)) {
            long address;
            try (ScopedArena arena = manager.acquire(ArenaKind.SEARCH)) {
                MemorySegment s = arena.allocate(256, 8);
                for (long i = 0; i < 256; i += 8) {
                    s.set(ValueLayout.JAVA_LONG, i, SECRET);
                }
                address = s.address();
            }
            try (ScopedArena arena = manager.acquire(ArenaKind.SEARCH)) {
                MemorySegment s = arena.allocate(256, 8);
                if (check == StaleSegmentCheck.RESCOPED) {
                    assertEquals(address, s.address(), "the same pooled page came back (so zeroing is what protects it)");
                }
                for (long i = 0; i < 256; i += 8) {
                    assertEquals(0L, s.get(ValueLayout.JAVA_LONG, i), "byte " + i + " leaked from the previous holder");
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(StaleSegmentCheck.class)
    void aConfinedArenaRefusesOtherThreadsAndStaysIntact(StaleSegmentCheck check) throws Exception {
        try (PooledArenaManager manager = TestManagers.manager(check)) {
            ScopedArena arena = manager.acquire(ArenaKind.JSON);
            MemorySegment mine = arena.allocate(16, 8);
            ArenaStats before = manager.stats();
            Throwable onAllocate = elsewhere(() -> arena.allocate(8, 8));
            Throwable onClose = elsewhere(arena::close);
            assertInstanceOf(WrongThreadException.class, onAllocate);
            assertInstanceOf(WrongThreadException.class, onClose);
            assertTrue(onAllocate.getMessage().contains("acquireShared"), onAllocate.getMessage());
            if (check.checked()) {
                assertInstanceOf(WrongThreadException.class, elsewhere(() -> mine.get(ValueLayout.JAVA_BYTE, 0)),
                        "checked segments are confined like the arena");
            }
            assertEquals(before, manager.stats());
            assertEquals(16, arena.allocatedBytes());
            arena.close();
            assertEquals(0, manager.stats().activeArenas());
        }
    }

    @ParameterizedTest
    @EnumSource(StaleSegmentCheck.class)
    void aSharedArenaServesEveryThread(StaleSegmentCheck check) throws Exception {
        try (PooledArenaManager manager = TestManagers.manager(check)) {
            ScopedArena arena = manager.acquireShared(ArenaKind.JSON);
            assertTrue(arena.isShared());
            MemorySegment fromOther = CompletableFuture.supplyAsync(() -> arena.allocate(32, 16)).get(20, TimeUnit.SECONDS);
            fromOther.set(ValueLayout.JAVA_LONG, 0, 42L);
            assertEquals(42L, fromOther.get(ValueLayout.JAVA_LONG, 0));
            CompletableFuture.runAsync(arena::close).get(20, TimeUnit.SECONDS);
            assertEquals(0, manager.stats().activeArenas());
        }
    }

    @ParameterizedTest
    @EnumSource(StaleSegmentCheck.class)
    void misuseThrowsAndLeavesTheManagerAsItWas(StaleSegmentCheck check) {
        try (PooledArenaManager manager = TestManagers.manager(check)) {
            ScopedArena arena = manager.acquire(ArenaKind.PRIMITIVE);
            arena.allocate(100, 8);
            ArenaStats before = manager.stats();
            IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> arena.allocate(-1, 8));
            assertTrue(negative.getMessage().contains("-1"), negative.getMessage());
            IllegalArgumentException alignment = assertThrows(IllegalArgumentException.class, () -> arena.allocate(8, 3));
            assertTrue(alignment.getMessage().contains("power of two"), alignment.getMessage());
            assertThrows(IllegalArgumentException.class, () -> arena.allocate(8, 0));
            assertEquals(before, manager.stats());
            assertEquals(100, arena.allocatedBytes());
            arena.close();
            ArenaStats closed = manager.stats();
            PoolClosedException twice = assertThrows(PoolClosedException.class, arena::close);
            assertTrue(twice.getMessage().contains("closed"), twice.getMessage());
            assertThrows(PoolClosedException.class, () -> arena.allocate(8, 8));
            assertEquals(closed, manager.stats());
        }
    }

    @Test
    void withArenaClosesTheArenaWhenTheOperationReturnsOrThrows() {
        try (PooledArenaManager manager = TestManagers.manager(StaleSegmentCheck.RESCOPED)) {
            AtomicReference<MemorySegment> leaked = new AtomicReference<>();
            long sum = manager.withArena(ArenaKind.PRIMITIVE, scratch -> {
                MemorySegment s = scratch.allocate(ValueLayout.JAVA_LONG, 4);
                leaked.set(s);
                for (int i = 0; i < 4; i++) {
                    s.setAtIndex(ValueLayout.JAVA_LONG, i, i + 1);
                }
                return s.getAtIndex(ValueLayout.JAVA_LONG, 0) + s.getAtIndex(ValueLayout.JAVA_LONG, 3);
            });
            assertEquals(5, sum);
            assertEquals(0, manager.stats().activeArenas());
            assertThrows(IllegalStateException.class, () -> leaked.get().get(ValueLayout.JAVA_LONG, 0));
            assertThrows(ArithmeticException.class, () -> manager.withArena(ArenaKind.JSON, scratch -> {
                throw new ArithmeticException("thrown by the operation");
            }));
            assertEquals(0, manager.stats().activeArenas(), "closed on the way out of a throwing operation");
        }
    }

    private static Throwable elsewhere(Runnable action) throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = Thread.ofPlatform().start(() -> {
            try {
                action.run();
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        t.join(java.time.Duration.ofSeconds(20));
        assertTrue(!t.isAlive(), "the other thread is stuck");
        return thrown.get();
    }
}

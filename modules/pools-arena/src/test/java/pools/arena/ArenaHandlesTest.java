package pools.arena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import pools.api.ArenaKind;
import pools.api.ArenaStats;
import pools.api.PoolClosedException;
import pools.api.ScopedArena;
import pools.testkit.Workers;

/** What the host holds for each acquisition: its kind, sharing and words, and its close. */
@Timeout(60)
class ArenaHandlesTest {

    @ParameterizedTest
    @EnumSource(StaleSegmentCheck.class)
    void everyHandleSaysItsKindAndWhetherItIsShared(StaleSegmentCheck check) {
        try (PooledArenaManager manager = TestManagers.manager(check)) {
            for (ArenaKind kind : ArenaKind.values()) {
                try (ScopedArena confined = manager.acquire(kind); ScopedArena shared = manager.acquireShared(kind)) {
                    assertEquals(kind, confined.kind());
                    assertEquals(kind, shared.kind());
                    assertFalse(confined.isShared(), confined.toString());
                    assertTrue(shared.isShared(), shared.toString());
                    assertEquals("pools.arena " + kind + " arena", confined.toString());
                    assertEquals("pools.arena " + kind + " arena (shared)", shared.toString());
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(StaleSegmentCheck.class)
    void aSharedHandleClosedTwiceThrowsAndShelvesItsArenaOnce(StaleSegmentCheck check) {
        try (PooledArenaManager manager = TestManagers.manager(check)) {
            ScopedArena shared = manager.acquireShared(ArenaKind.JSON);
            shared.allocate(64, 8);
            shared.close();
            ArenaStats closed = manager.stats();
            assertEquals(1, closed.pooledArenas());
            assertThrows(PoolClosedException.class, shared::close);
            assertEquals(closed, manager.stats(), "a second close changes nothing");
            try (ScopedArena first = manager.acquire(ArenaKind.JSON); ScopedArena second = manager.acquire(ArenaKind.JSON)) {
                first.allocate(8, 8).set(ValueLayout.JAVA_LONG, 0, 1L);
                second.allocate(8, 8).set(ValueLayout.JAVA_LONG, 0, 2L);
                assertEquals(2, manager.stats().activeArenas());
                assertEquals(0, manager.stats().pooledArenas(), "the arena was shelved once, so the second is new");
            }
        }
    }

    @Test
    void theUncheckedSharedLeaseServesEveryLaterSharedAcquisitionOfItsArena() {
        try (PooledArenaManager manager = TestManagers.manager(StaleSegmentCheck.UNCHECKED)) {
            ScopedArena first = manager.acquireShared(ArenaKind.PRIMITIVE);
            first.allocate(16, 8);
            first.close();
            ScopedArena again = manager.acquireShared(ArenaKind.PRIMITIVE);
            assertSame(first, again, "made once per arena and reused");
            again.allocate(32, 8).set(ValueLayout.JAVA_LONG, 0, 3L);
            assertEquals(32, again.allocatedBytes());
            again.close();
            assertEquals(0, manager.stats().activeArenas());
        }
    }

    @ParameterizedTest
    @EnumSource(StaleSegmentCheck.class)
    void anOversizeBlockOfASharedArenaIsUsableFromAnotherThread(StaleSegmentCheck check) throws InterruptedException {
        try (PooledArenaManager manager = TestManagers.manager(check);
                ScopedArena shared = manager.acquireShared(ArenaKind.SEARCH)) {
            MemorySegment block = shared.allocate(TestManagers.LARGE + 8, 8);
            block.set(ValueLayout.JAVA_LONG, TestManagers.LARGE, 41L);
            Workers workers = new Workers();
            workers.start("other", () -> block.set(ValueLayout.JAVA_LONG, TestManagers.LARGE,
                    block.get(ValueLayout.JAVA_LONG, TestManagers.LARGE) + 1));
            workers.joinAll(Duration.ofSeconds(20));
            assertEquals(42L, block.get(ValueLayout.JAVA_LONG, TestManagers.LARGE));
            assertEquals(1, manager.stats().oversizeAllocations());
        }
    }

    @Test
    void theManagerSaysItsModeAndStatsInWords() {
        try (PooledArenaManager manager = TestManagers.manager(StaleSegmentCheck.RESCOPED)) {
            ArenaStats stats = manager.stats();
            assertEquals("PooledArenaManager[" + stats.modeDescription() + "; " + stats + "]", manager.toString());
        }
    }

    @Test
    void theProviderIsNamedArenaWithTheBuiltInPriority() {
        PooledArenaManagerProvider provider = new PooledArenaManagerProvider();
        assertEquals("arena", provider.name(), "the name a config uses to prefer it");
        assertEquals(100, provider.priority(), "built-in providers use 100, so a host's own can outrank it");
    }
}

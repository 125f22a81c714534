package pools.arena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import pools.api.ArenaKind;
import pools.api.ArenaStats;
import pools.api.BudgetExceededException;
import pools.api.PoolClosedException;
import pools.api.ScopedArena;

class ArenaBudgetTest {

    @ParameterizedTest
    @EnumSource(StaleSegmentCheck.class)
    void exhaustingTheBudgetSaysWhichAndByHowMuchAndChangesNothing(StaleSegmentCheck check) {
        long budget = 3L * TestManagers.MEDIUM;
        try (PooledArenaManager manager = TestManagers.manager(check, TestManagers.config().build(), budget);
                ScopedArena arena = manager.acquire(ArenaKind.PRIMITIVE)) {
            arena.allocate(TestManagers.MEDIUM - 64, 8);
            arena.allocate(TestManagers.MEDIUM - 64, 8);
            ArenaStats before = manager.stats();
            long allocated = arena.allocatedBytes();
            BudgetExceededException e = assertThrows(BudgetExceededException.class,
                    () -> arena.allocate(TestManagers.LARGE / 2, 8));
            assertTrue(e.getMessage().contains("PRIMITIVE arena"), e.getMessage());
            assertTrue(e.getMessage().contains("memory budget"), e.getMessage());
            assertTrue(e.getMessage().contains("overrun it by " + e.overrunBytes()), e.getMessage());
            assertTrue(e.overrunBytes() > 0);
            assertEquals(before, manager.stats(), "a refused page leaves the manager as it was");
            assertEquals(allocated, arena.allocatedBytes());
            MemorySegment small = arena.allocate(64, 8);
            small.set(ValueLayout.JAVA_LONG, 0, 1L);
        }
    }

    @ParameterizedTest
    @EnumSource(StaleSegmentCheck.class)
    void closingTheManagerFreesIdlePagesAndThePagesOfArenasClosedLater(StaleSegmentCheck check) {
        PooledArenaManager manager = TestManagers.manager(check);
        try (ScopedArena idle = manager.acquire(ArenaKind.JSON)) {
            idle.allocate(100, 8);
        }
        ScopedArena open = manager.acquire(ArenaKind.PRIMITIVE);
        MemorySegment held = open.allocate(100, 8);
        manager.close();
        manager.close();
        assertThrows(PoolClosedException.class, () -> manager.acquire(ArenaKind.JSON));
        assertEquals(0, manager.stats().idlePages());
        held.set(ValueLayout.JAVA_LONG, 0, 7L);
        assertEquals(7L, held.get(ValueLayout.JAVA_LONG, 0), "an open arena keeps its page until it closes");
        if (check != StaleSegmentCheck.PER_ALLOCATION) {
            assertThrows(PoolClosedException.class, () -> open.allocate(TestManagers.LARGE / 2, 8),
                    "an open arena cannot take new pages from a closed manager");
        }
        open.close();
        assertEquals(0, manager.stats().reservedBytes(), "every byte went back to the budget");
        assertEquals(0, manager.stats().activeArenas());
    }

    @Test
    void reservationsFollowTheSharedBudget() {
        PooledArenaManager manager = TestManagers.manager(StaleSegmentCheck.UNCHECKED);
        try (ScopedArena arena = manager.acquire(ArenaKind.SEARCH)) {
            arena.allocate(TestManagers.MEDIUM * 2L, 8);
            arena.allocate(TestManagers.LARGE * 3L, 8);
            ArenaStats stats = manager.stats();
            assertEquals(TestManagers.LARGE + TestManagers.LARGE * 3L, stats.reservedBytes(),
                    "a large page for the first request, the oversize block exactly for the second");
        }
        manager.close();
        assertEquals(0, manager.stats().reservedBytes());
    }
}

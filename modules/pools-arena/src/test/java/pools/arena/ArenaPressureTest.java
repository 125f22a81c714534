package pools.arena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import pools.api.ArenaKind;
import pools.api.ArenaStats;
import pools.api.BudgetExceededException;
import pools.api.ScopedArena;

/** An arena in use gives back the pages it keeps but does not need, when the budget is short. */
class ArenaPressureTest {

    @ParameterizedTest
    @EnumSource(value = StaleSegmentCheck.class, names = {"UNCHECKED", "RESCOPED"})
    void anOpenArenaGivesBackItsUnusedKeptPageForThePageItNeeds(StaleSegmentCheck check) {
        long budget = TestManagers.LARGE + TestManagers.MEDIUM;
        try (PooledArenaManager manager = TestManagers.manager(check, TestManagers.config().build(), budget)) {
            fillMediumPages(manager, 2);
            assertEquals(2, manager.stats().idlePages(), "the closed arena keeps its two medium pages");
            try (ScopedArena arena = manager.acquire(ArenaKind.PRIMITIVE)) {
                MemorySegment large = arena.allocate(TestManagers.LARGE / 2, 8);
                large.set(ValueLayout.JAVA_LONG, 0, 1L);
                ArenaStats stats = manager.stats();
                assertEquals(2, stats.pagesInUse(), "one medium page and the large one: " + stats);
                assertEquals(budget, stats.reservedBytes(), "one kept medium page went back to the budget");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = StaleSegmentCheck.class, names = {"UNCHECKED", "RESCOPED"})
    void whenItsKeptPagesCannotCoverTheShortfallItKeepsThemAndRefuses(StaleSegmentCheck check) {
        try (PooledArenaManager manager = TestManagers.manager(check, TestManagers.config().build(), TestManagers.LARGE)) {
            fillMediumPages(manager, 2);
            try (ScopedArena arena = manager.acquire(ArenaKind.PRIMITIVE)) {
                arena.allocate(16, 8);
                ArenaStats before = manager.stats();
                BudgetExceededException e = assertThrows(BudgetExceededException.class,
                        () -> arena.allocate(TestManagers.LARGE, 8));
                assertTrue(e.getMessage().contains("PRIMITIVE arena"), e.getMessage());
                assertEquals(before, manager.stats(), "nothing was given back for a refusal it could not cure");
                assertEquals(16, arena.allocatedBytes());
                arena.allocate(64, 8).set(ValueLayout.JAVA_LONG, 0, 2L);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = StaleSegmentCheck.class, names = {"UNCHECKED", "RESCOPED"})
    void keptPagesOfEveryClassAreGivenBackOnlyAsFarAsNeeded(StaleSegmentCheck check) {
        long budget = 2L * TestManagers.LARGE + TestManagers.MEDIUM + 64;
        try (PooledArenaManager manager = TestManagers.manager(check, TestManagers.config().build(), budget)) {
            try (ScopedArena arena = manager.acquire(ArenaKind.PRIMITIVE)) {
                arena.allocate(TestManagers.MEDIUM - 64, 8);
                arena.allocate(TestManagers.LARGE - 64, 8);
                arena.allocate(TestManagers.LARGE - 64, 8);
            }
            assertEquals(3, manager.stats().idlePages());
            try (ScopedArena arena = manager.acquire(ArenaKind.PRIMITIVE)) {
                arena.allocate(TestManagers.MEDIUM - 64, 8);
                MemorySegment oversize = arena.allocate(TestManagers.LARGE + 1, 8);
                oversize.set(ValueLayout.JAVA_BYTE, TestManagers.LARGE, (byte) 1);
                ArenaStats stats = manager.stats();
                assertEquals(TestManagers.MEDIUM + TestManagers.LARGE + TestManagers.LARGE + 1, stats.reservedBytes(),
                        "one unused large page was freed, not both: " + stats);
            }
        }
    }

    /** One PRIMITIVE arena fills {@code pages} medium pages and closes, keeping them. */
    private static void fillMediumPages(PooledArenaManager manager, int pages) {
        try (ScopedArena arena = manager.acquire(ArenaKind.PRIMITIVE)) {
            for (int p = 0; p < pages; p++) {
                arena.allocate(TestManagers.MEDIUM - 64, 8);
            }
        }
    }
}

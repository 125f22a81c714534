package pools.arena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import pools.api.ArenaKind;
import pools.api.ArenaStats;
import pools.api.BudgetExceededException;
import pools.api.MemoryBudget;
import pools.api.ScopedArena;
import pools.api.spi.PoolContext;
import pools.api.spi.PoolEvents;

/**
 * Requests at the edges of a long, and at the edges of each page: a refused one throws the
 * right exception, leaves the budget and the stats as they were, and the arena stays usable;
 * an accepted one is aligned, in bounds and (checked) zeroed up to its last byte.
 */
class ArenaOverflowTest {
    private static final long BUDGET = 4L << 20;

    static Stream<Arguments> extremes() {
        List<Arguments> cases = new ArrayList<>();
        for (StaleSegmentCheck check : StaleSegmentCheck.values()) {
            cases.add(Arguments.of(check, Long.MAX_VALUE - 8, 4096L, IllegalArgumentException.class));
            cases.add(Arguments.of(check, Long.MAX_VALUE, 2L, IllegalArgumentException.class));
            cases.add(Arguments.of(check, Long.MAX_VALUE, 1L << 62, IllegalArgumentException.class));
            cases.add(Arguments.of(check, Long.MAX_VALUE, 1L, BudgetExceededException.class));
            cases.add(Arguments.of(check, Long.MAX_VALUE - (1L << 62) + 1, 1L << 62, BudgetExceededException.class));
            cases.add(Arguments.of(check, 0L, 1L << 62, BudgetExceededException.class));
            cases.add(Arguments.of(check, 8L, 1L << 40, BudgetExceededException.class));
            cases.add(Arguments.of(check, BUDGET + 1, 8L, BudgetExceededException.class));
            cases.add(Arguments.of(check, 8L, Long.MIN_VALUE, IllegalArgumentException.class));
            cases.add(Arguments.of(check, 8L, 0L, IllegalArgumentException.class));
            cases.add(Arguments.of(check, Long.MIN_VALUE, 8L, IllegalArgumentException.class));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: allocate({1}, {2}) throws {3}")
    @MethodSource("extremes")
    void aRequestNoBudgetOrMachineCanHoldIsRefusedAndChangesNothing(
            StaleSegmentCheck check, long byteSize, long byteAlignment, Class<? extends RuntimeException> expected) {
        MemoryBudget budget = MemoryBudget.withLimit(BUDGET);
        try (PooledArenaManager manager = new PooledArenaManager(
                new PoolContext(TestManagers.config().build(), budget, PoolEvents.NONE), check)) {
            for (boolean shared : new boolean[] {false, true}) {
                try (ScopedArena arena = shared ? manager.acquireShared(ArenaKind.SEARCH) : manager.acquire(ArenaKind.SEARCH)) {
                    arena.allocate(24, 8).set(ValueLayout.JAVA_LONG, 16, 3L);
                    ArenaStats before = manager.stats();
                    long reserved = budget.reservedBytes();
                    RuntimeException e = assertThrows(expected, () -> arena.allocate(byteSize, byteAlignment));
                    assertTrue(e.getMessage().contains(expected == BudgetExceededException.class ? "memory budget"
                            : byteSize < 0 ? "byteSize" : "byteAlignment"), e.getMessage());
                    assertEquals(reserved, budget.reservedBytes(), "the budget is unchanged");
                    assertEquals(before, manager.stats(), "the manager is unchanged");
                    assertEquals(24, arena.allocatedBytes());
                    MemorySegment after = arena.allocate(64, 64);
                    after.set(ValueLayout.JAVA_LONG, 56, 9L);
                    assertEquals(9L, after.get(ValueLayout.JAVA_LONG, 56), "the arena is still usable");
                }
            }
            assertEquals(0, manager.stats().activeArenas());
        }
    }

    static Stream<Arguments> pageEdges() {
        List<Arguments> cases = new ArrayList<>();
        for (StaleSegmentCheck check : StaleSegmentCheck.values()) {
            for (long page : new long[] {TestManagers.SMALL, TestManagers.MEDIUM, TestManagers.LARGE}) {
                for (long alignment : new long[] {1, 8, 64, 128, 4096}) {
                    for (long size : new long[] {page - alignment, page, page + alignment}) {
                        if (size >= 0) {
                            cases.add(Arguments.of(check, size, alignment));
                        }
                    }
                }
            }
            cases.add(Arguments.of(check, 0L, 1L));
            cases.add(Arguments.of(check, 0L, 1L << 20));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: allocate({1}, {2})")
    @MethodSource("pageEdges")
    void sizesAroundEveryPageAreAlignedInBoundsAndAccountedFor(StaleSegmentCheck check, long byteSize, long byteAlignment) {
        try (PooledArenaManager manager = TestManagers.manager(check)) {
            for (int round = 0; round < 2; round++) {
                try (ScopedArena arena = manager.acquire(ArenaKind.JSON)) {
                    arena.allocate(8, 1).set(ValueLayout.JAVA_BYTE, 7, (byte) 1);
                    MemorySegment s = arena.allocate(byteSize, byteAlignment);
                    assertEquals(byteSize, s.byteSize());
                    assertEquals(0, s.address() % byteAlignment, "aligned to " + byteAlignment);
                    assertTrue(arena.allocatedBytes() >= 8 + byteSize, "padding included: " + arena.allocatedBytes());
                    if (byteSize > 0) {
                        if (check.checked()) {
                            assertEquals(0, s.get(ValueLayout.JAVA_BYTE, 0), "zeroed, round " + round);
                            assertEquals(0, s.get(ValueLayout.JAVA_BYTE, byteSize - 1), "zeroed, round " + round);
                        }
                        s.set(ValueLayout.JAVA_BYTE, 0, (byte) 0x5A);
                        s.set(ValueLayout.JAVA_BYTE, byteSize - 1, (byte) 0x5A);
                    }
                }
            }
            ArenaStats stats = manager.stats();
            assertEquals(0, stats.activeArenas());
            assertEquals(0, stats.pagesInUse(), "every page is back: " + stats);
        }
    }

    @Test
    void thePagePoolRefusesAReservationNoBudgetHasAndKeepsItsCounts() {
        PagePool pool = new PagePool(TestManagers.config().build(), MemoryBudget.withLimit(BUDGET), PoolEvents.NONE);
        pool.reserve(100, "test");
        assertThrows(BudgetExceededException.class, () -> pool.reserve(Long.MAX_VALUE, "test"));
        BudgetExceededException e = assertThrows(BudgetExceededException.class, () -> pool.reserve(BUDGET, "test"));
        assertEquals(100, e.overrunBytes());
        assertEquals(100, pool.reservedBytes());
        assertEquals(0, pool.livePages());
        pool.release(100);
        assertEquals(0, pool.reservedBytes());
        pool.close();
    }
}

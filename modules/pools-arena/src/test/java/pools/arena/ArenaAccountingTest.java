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
import pools.api.MemoryBudget;
import pools.api.PoolConfig;
import pools.api.ScopedArena;
import pools.api.spi.PoolContext;
import pools.testkit.RecordingEvents;

/**
 * The manager's counters and the shared budget read right after each step that moves them:
 * pages taken, kept idle, freed; oversize blocks reserved and given back; and memory really
 * freed (a segment of a freed page no longer reads).
 */
class ArenaAccountingTest {
    private final RecordingEvents events = new RecordingEvents();
    private final MemoryBudget budget = MemoryBudget.withLimit(16L << 20);

    private PooledArenaManager manager(StaleSegmentCheck check, PoolConfig config) {
        return new PooledArenaManager(new PoolContext(config, budget, events), check);
    }

    @ParameterizedTest
    @EnumSource(StaleSegmentCheck.class)
    void withNoRetainEveryPageIsFreedAtCloseAndItsBytesGoBack(StaleSegmentCheck check) {
        try (PooledArenaManager manager = manager(check, TestManagers.config().arenaIdleRetainBytes(0).build())) {
            ScopedArena arena = manager.acquire(ArenaKind.PRIMITIVE);
            arena.allocate(6000, 8);
            arena.allocate(6000, 8);
            ArenaStats open = manager.stats();
            assertTrue(budget.reservedBytes() > 0);
            assertEquals(budget.reservedBytes(), open.reservedBytes(), "the manager's reservation is the budget's");
            arena.close();
            ArenaStats closed = manager.stats();
            assertEquals(0, closed.idlePages(), check + ": nothing may stay idle with a retain of 0");
            assertEquals(0, closed.pagesInUse());
            assertEquals(0, closed.reservedBytes());
            assertEquals(0, budget.reservedBytes(), "every page's bytes went back to the budget");
        }
    }

    @ParameterizedTest
    @EnumSource(value = StaleSegmentCheck.class, names = {"RESCOPED", "UNCHECKED"})
    void pagesKeptIdleAreCountedUntilTheManagerClosesAndFreesThem(StaleSegmentCheck check) {
        PooledArenaManager manager = manager(check, TestManagers.config().build());
        ScopedArena first = manager.acquire(ArenaKind.PRIMITIVE);
        ScopedArena second = manager.acquire(ArenaKind.PRIMITIVE);
        first.allocate(6000, 8);
        second.allocate(6000, 8);
        long reserved = budget.reservedBytes();
        assertEquals(2, manager.stats().pagesInUse());
        first.close();
        second.close();
        ArenaStats idle = manager.stats();
        assertEquals(2, idle.idlePages(), "both pages kept for reuse");
        assertEquals(0, idle.pagesInUse());
        assertEquals(reserved, idle.reservedBytes(), "idle pages stay reserved");
        assertEquals(reserved, budget.reservedBytes());
        manager.close();
        assertEquals(0, manager.stats().idlePages());
        assertEquals(0, manager.stats().reservedBytes());
        assertEquals(0, budget.reservedBytes(), "closing the manager freed the idle pages");
    }

    @ParameterizedTest
    @EnumSource(StaleSegmentCheck.class)
    void anOversizeBlockIsReservedWhileHeldAndGivenBackAtClose(StaleSegmentCheck check) {
        try (PooledArenaManager manager = manager(check, TestManagers.config().arenaIdleRetainBytes(0).build())) {
            ScopedArena arena = manager.acquire(ArenaKind.JSON);
            long before = budget.reservedBytes();
            arena.allocate(3 * TestManagers.LARGE, 64);
            assertEquals(1, manager.stats().oversizeAllocations());
            assertTrue(budget.reservedBytes() >= before + 3 * TestManagers.LARGE, "the block is reserved");
            arena.close();
            assertEquals(0, budget.reservedBytes(), check + ": the oversize block's bytes went back");
            assertEquals(0, manager.stats().reservedBytes());
        }
    }

    @org.junit.jupiter.api.Test
    void aSegmentOfAFreedPageNoLongerReads() {
        // Unchecked: a segment outlives its arena's close, but not the page's free.
        PooledArenaManager manager = manager(StaleSegmentCheck.UNCHECKED, TestManagers.config().build());
        ScopedArena arena = manager.acquire(ArenaKind.PRIMITIVE);
        MemorySegment kept = arena.allocate(64, 8);
        MemorySegment oversize = arena.allocate(2L * TestManagers.LARGE, 8);
        kept.set(ValueLayout.JAVA_LONG, 0, 7L);
        arena.close();
        assertThrows(IllegalStateException.class, () -> oversize.get(ValueLayout.JAVA_LONG, 0),
                "the oversize block was freed at close");
        assertEquals(7L, kept.get(ValueLayout.JAVA_LONG, 0), "unchecked: the kept page is still mapped");
        manager.close();
        assertThrows(IllegalStateException.class, () -> kept.get(ValueLayout.JAVA_LONG, 0),
                "closing the manager freed the page");
        assertEquals(0, budget.reservedBytes());
    }
}

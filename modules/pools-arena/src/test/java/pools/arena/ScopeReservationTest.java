package pools.arena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import pools.api.ArenaKind;
import pools.api.ArenaStats;
import pools.api.ScopedArena;

/**
 * What an acquisition's own FFM scope reserves against the budget: in the per-allocation mode, a
 * home page's worth at a time, used by each request's size plus the padding FFM may add; and
 * nothing left reserved when FFM cannot allocate.
 */
class ScopeReservationTest {

    @Test
    void perAllocationReservesAHomePageAtATimeAndUsesItUpExactly() {
        try (PooledArenaManager manager = TestManagers.manager(StaleSegmentCheck.PER_ALLOCATION);
             ScopedArena arena = manager.acquire(ArenaKind.PRIMITIVE)) {
            long half = TestManagers.MEDIUM / 2;
            arena.allocate(half, 8);
            assertEquals(TestManagers.MEDIUM, manager.stats().reservedBytes(), "a whole home page for the first request");
            arena.allocate(half, 8);
            assertEquals(TestManagers.MEDIUM, manager.stats().reservedBytes(), "the second fills the reservation exactly");
            arena.allocate(half, 8);
            assertEquals(2L * TestManagers.MEDIUM, manager.stats().reservedBytes(), "the third needs another page's worth");
        }
    }

    @Test
    void alignmentsFfmGivesForFreeCostNothingAndStricterOnesTheirPadding() {
        try (PooledArenaManager manager = TestManagers.manager(StaleSegmentCheck.PER_ALLOCATION)) {
            long half = TestManagers.MEDIUM / 2;
            try (ScopedArena arena = manager.acquire(ArenaKind.PRIMITIVE)) {
                arena.allocate(half, 16);
                arena.allocate(half, 16);
                assertEquals(TestManagers.MEDIUM, manager.stats().reservedBytes(), "16-byte alignment is malloc's own: no padding");
            }
            try (ScopedArena arena = manager.acquire(ArenaKind.PRIMITIVE)) {
                arena.allocate(half, 32);
                arena.allocate(half, 32);
                assertEquals(2L * TestManagers.MEDIUM, manager.stats().reservedBytes(),
                        "31 bytes of padding each: the second overflows the page");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(StaleSegmentCheck.class)
    void aBlockNoMachineCanAllocateLeavesNothingReserved(StaleSegmentCheck check) {
        try (PooledArenaManager manager = TestManagers.manager(check, TestManagers.config().build(), Long.MAX_VALUE);
             ScopedArena arena = manager.acquire(ArenaKind.JSON)) {
            arena.allocate(64, 8);
            ArenaStats before = manager.stats();
            // 2^62 bytes: within the budget, beyond any address space, so malloc fails whatever the OS overcommits.
            assertThrows(OutOfMemoryError.class, () -> arena.allocate(1L << 62, 8));
            assertEquals(before, manager.stats(), "the reservation went back and no oversize block was counted");
            assertEquals(64, arena.allocatedBytes());
            arena.allocate(64, 8).set(ValueLayout.JAVA_LONG, 0, 1L);
        }
    }
}

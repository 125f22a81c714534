package pools.arena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import pools.api.ArenaKind;
import pools.api.ArenaStats;
import pools.api.ScopedArena;

/**
 * The pages closed arenas keep: taken first, zeroed where used (re-scoped mode), never handed to
 * two requests at once, and freed under budget pressure only as far as a shortfall needs.
 */
class ArenaKeptPagesTest {
    private static final long SECRET = 0x5EC12E75EC12E7L;

    @Test
    void everyKeptPageComesBackZeroedAfterEachAcquisitionThatUsedIt() {
        try (PooledArenaManager manager = TestManagers.manager(StaleSegmentCheck.RESCOPED)) {
            for (int round = 0; round < 3; round++) {
                try (ScopedArena arena = manager.acquire(ArenaKind.PRIMITIVE)) {
                    for (int page = 0; page < 2; page++) {
                        MemorySegment s = arena.allocate(TestManagers.MEDIUM - 64, 8);
                        for (long i = 0; i < s.byteSize(); i += 8) {
                            assertEquals(0L, s.get(ValueLayout.JAVA_LONG, i), "round " + round + ", page " + page + ", byte " + i);
                        }
                        s.fill((byte) 0x5A);
                        s.set(ValueLayout.JAVA_LONG, 0, SECRET);
                    }
                }
                assertEquals(2, manager.stats().idlePages(), "the closed arena keeps both pages");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = StaleSegmentCheck.class, names = {"RESCOPED", "UNCHECKED"})
    void aKeptPageServesOneRequestAtATime(StaleSegmentCheck check) {
        try (PooledArenaManager manager = TestManagers.manager(check)) {
            try (ScopedArena arena = manager.acquire(ArenaKind.PRIMITIVE)) {
                arena.allocate(TestManagers.MEDIUM - 64, 8);
                arena.allocate(TestManagers.LARGE - 64, 8);
                arena.allocate(TestManagers.MEDIUM - 64, 8);
            }
            assertEquals(3, manager.stats().idlePages());
            try (ScopedArena arena = manager.acquire(ArenaKind.PRIMITIVE)) {
                MemorySegment firstMedium = arena.allocate(TestManagers.MEDIUM - 64, 8);
                MemorySegment large = arena.allocate(TestManagers.LARGE - 64, 8);
                MemorySegment secondMedium = arena.allocate(TestManagers.MEDIUM - 64, 8);
                firstMedium.set(ValueLayout.JAVA_LONG, 0, 1L);
                large.set(ValueLayout.JAVA_LONG, 0, 2L);
                secondMedium.set(ValueLayout.JAVA_LONG, 0, 3L);
                assertNotEquals(firstMedium.address(), secondMedium.address(),
                        "the kept medium page in use is not handed out again");
                assertEquals(1L, firstMedium.get(ValueLayout.JAVA_LONG, 0));
                assertEquals(TestManagers.LARGE + 2L * TestManagers.MEDIUM, manager.stats().reservedBytes(),
                        "no new page: all three were kept");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = StaleSegmentCheck.class, names = {"RESCOPED", "UNCHECKED"})
    void aClosedArenaThatKeepsPagesIsTakenBeforeOneThatKeepsNone(StaleSegmentCheck check) {
        try (PooledArenaManager manager = TestManagers.manager(check)) {
            ScopedArena empty = manager.acquire(ArenaKind.JSON);
            ScopedArena keeping = manager.acquire(ArenaKind.JSON);
            keeping.allocate(100, 8);
            empty.close();
            keeping.close();
            assertEquals(1, manager.stats().idlePages());
            try (ScopedArena next = manager.acquire(ArenaKind.JSON)) {
                next.allocate(100, 8);
                ArenaStats stats = manager.stats();
                assertEquals(0, stats.idlePages(), "the arena with the page was taken: " + stats);
                assertEquals(TestManagers.MEDIUM, stats.reservedBytes(), "and its page used, no new one");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = StaleSegmentCheck.class, names = {"RESCOPED", "UNCHECKED"})
    void underPressureClosedArenasGiveUpKeptPagesOnlyAsFarAsNeeded(StaleSegmentCheck check) {
        // Three arenas keep a medium page each; the one acquired next needs a large page.
        long budget = 2L * TestManagers.MEDIUM + TestManagers.LARGE;
        try (PooledArenaManager manager = TestManagers.manager(check, TestManagers.config().build(), budget)) {
            ScopedArena[] arenas = new ScopedArena[3];
            for (int i = 0; i < arenas.length; i++) {
                arenas[i] = manager.acquire(ArenaKind.PRIMITIVE);
                arenas[i].allocate(100, 8);
            }
            for (ScopedArena arena : arenas) {
                arena.close();
            }
            assertEquals(3, manager.stats().idlePages());
            try (ScopedArena arena = manager.acquire(ArenaKind.PRIMITIVE)) {
                arena.allocate(TestManagers.MEDIUM - 64, 8);
                arena.allocate(TestManagers.LARGE - 64, 8).set(ValueLayout.JAVA_LONG, 0, 1L);
                ArenaStats stats = manager.stats();
                assertEquals(1, stats.idlePages(), "one closed arena gave up its page, the other kept it: " + stats);
                assertEquals(budget, stats.reservedBytes());
                assertEquals(2, stats.pooledArenas(), "the arena that gave up its page still waits, without it");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = StaleSegmentCheck.class, names = {"RESCOPED", "UNCHECKED"})
    void anOversizeRequestMakesRoomFromPagesClosedArenasKeep(StaleSegmentCheck check) {
        long budget = TestManagers.MEDIUM + TestManagers.LARGE;
        try (PooledArenaManager manager = TestManagers.manager(check, TestManagers.config().build(), budget);
             ScopedArena open = manager.acquire(ArenaKind.SEARCH)) {
            try (ScopedArena keeping = manager.acquire(ArenaKind.PRIMITIVE)) {
                keeping.allocate(100, 8);
            }
            MemorySegment block = open.allocate(TestManagers.LARGE + 8, 8);
            block.set(ValueLayout.JAVA_LONG, TestManagers.LARGE, 1L);
            ArenaStats stats = manager.stats();
            assertEquals(0, stats.idlePages(), "the closed arena's page was freed for the block: " + stats);
            assertEquals(TestManagers.LARGE + 8, stats.reservedBytes());
        }
    }

    @ParameterizedTest
    @EnumSource(StaleSegmentCheck.class)
    void closingTheManagerLetsGoOfEveryClosedArena(StaleSegmentCheck check) {
        PooledArenaManager manager = TestManagers.manager(check);
        ScopedArena empty = manager.acquire(ArenaKind.JSON);
        try (ScopedArena keeping = manager.acquire(ArenaKind.PRIMITIVE)) {
            keeping.allocate(100, 8);
        }
        empty.close();
        assertEquals(2, manager.stats().pooledArenas());
        manager.close();
        ArenaStats stats = manager.stats();
        assertEquals(0, stats.pooledArenas(), "with or without pages: " + stats);
        assertEquals(0, stats.reservedBytes());
    }
}

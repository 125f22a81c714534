package pools.arena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import pools.api.ArenaKind;
import pools.api.ArenaSafety;
import pools.api.ArenaStats;
import pools.api.LeakDetection;
import pools.api.MemoryBudget;
import pools.api.PoolConfig;
import pools.api.ScopedArena;
import pools.api.spi.PoolContext;
import pools.api.spi.PoolEvents;

class ArenaReuseTest {

    @Test
    void aClosedArenaIsHandedOutAgain() {
        try (PooledArenaManager manager = TestManagers.manager(StaleSegmentCheck.UNCHECKED)) {
            ScopedArena first = manager.acquire(ArenaKind.PRIMITIVE);
            assertEquals(TestManagers.stats(manager, 1, 0, 1, 0, 0, 0, 0), manager.stats());
            first.close();
            assertEquals(TestManagers.stats(manager, 0, 1, 1, 0, 0, 0, 0), manager.stats());
            ScopedArena second = manager.acquire(ArenaKind.PRIMITIVE);
            assertSame(first, second, "the unchecked mode hands out the pooled object itself");
            ScopedArena otherKind = manager.acquire(ArenaKind.SEARCH);
            assertNotSame(first, otherKind, "each kind has its own free list");
            assertEquals(TestManagers.stats(manager, 2, 0, 3, 0, 0, 0, 0), manager.stats());
            second.close();
            otherKind.close();
        }
    }

    @Test
    @SuppressWarnings("restricted") // widens a segment to read the rest of its page; the tests have native access
    void closeResetsTheOffsetWithoutTouchingTheBytes() {
        try (PooledArenaManager manager = TestManagers.manager(StaleSegmentCheck.UNCHECKED)) {
            ScopedArena arena = manager.acquire(ArenaKind.PRIMITIVE);
            MemorySegment first = arena.allocate(1, 1);
            for (int i = 1; i < TestManagers.MEDIUM; i++) {
                arena.allocate(1, 1).set(ValueLayout.JAVA_BYTE, 0, (byte) i);
            }
            assertEquals(1, manager.stats().pagesInUse(), "8 Ki one-byte allocations filled exactly one page");
            arena.close();
            MemorySegment tail = first.reinterpret(TestManagers.MEDIUM);
            assertEquals((byte) (TestManagers.MEDIUM - 1), tail.get(ValueLayout.JAVA_BYTE, TestManagers.MEDIUM - 1),
                    "close cleared nothing: its cost does not depend on the bytes allocated");
            try (ScopedArena next = manager.acquire(ArenaKind.PRIMITIVE)) {
                assertEquals(first.address(), next.allocate(1, 1).address(), "the next acquisition starts at the page base");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = StaleSegmentCheck.class, names = {"RESCOPED", "PER_ALLOCATION"})
    void checkedModesReuseTheArenaBehindAFreshHandle(StaleSegmentCheck check) {
        try (PooledArenaManager manager = TestManagers.manager(check)) {
            ScopedArena first = manager.acquire(ArenaKind.JSON);
            first.close();
            assertEquals(1, manager.stats().pooledArenas());
            ScopedArena second = manager.acquire(ArenaKind.JSON);
            assertNotSame(first, second, "each acquisition has its own handle");
            assertEquals(0, manager.stats().pooledArenas(), "the pooled arena was taken");
            assertEquals(1, manager.stats().activeArenas());
            second.close();
        }
    }

    @ParameterizedTest
    @EnumSource(value = StaleSegmentCheck.class, names = {"UNCHECKED", "RESCOPED"})
    void pagesAreReusedSoASteadyWorkloadReservesNothingNew(StaleSegmentCheck check) {
        try (PooledArenaManager manager = TestManagers.manager(check)) {
            cycle(manager, 3);
            ArenaStats warm = manager.stats();
            assertTrue(warm.idlePages() >= 3, "closed arenas left their pages idle: " + warm);
            for (int i = 0; i < 1000; i++) {
                cycle(manager, 3);
            }
            ArenaStats after = manager.stats();
            assertEquals(warm.reservedBytes(), after.reservedBytes(), "no page was allocated after warm-up");
            assertEquals(warm.idlePages(), after.idlePages());
            assertEquals(0, after.pagesInUse());
            assertEquals(1001, after.acquisitions());
        }
    }

    @ParameterizedTest
    @EnumSource(value = StaleSegmentCheck.class, names = {"UNCHECKED", "RESCOPED"})
    void idlePagesBeyondTheRetainLimitGoBackToTheOs(StaleSegmentCheck check) {
        PoolConfig config = TestManagers.config().arenaIdleRetainBytes(2 * TestManagers.MEDIUM).build();
        try (PooledArenaManager manager = TestManagers.manager(check, config)) {
            cycle(manager, 5);
            ArenaStats stats = manager.stats();
            assertEquals(2, stats.idlePages(), "only the retained pages stay idle");
            assertEquals(2L * TestManagers.MEDIUM, stats.reservedBytes(), "the other three were freed");
        }
    }

    @ParameterizedTest
    @EnumSource(value = StaleSegmentCheck.class, names = {"UNCHECKED", "RESCOPED"})
    void aPooledArenaKeepsOnePageForItsNextAcquisitionWithinTheRetainLimit(StaleSegmentCheck check) {
        try (PooledArenaManager manager = TestManagers.manager(check)) {
            cycle(manager, 1);
            assertEquals(TestManagers.stats(manager, 0, 1, 1, 0, 1, TestManagers.MEDIUM, 0), manager.stats(),
                    "the pooled arena's kept page counts as idle");
            try (ScopedArena arena = manager.acquire(ArenaKind.PRIMITIVE)) {
                arena.allocate(64, 8);
                assertEquals(TestManagers.stats(manager, 1, 0, 2, 1, 0, TestManagers.MEDIUM, 0), manager.stats());
            }
        }
        try (PooledArenaManager manager = TestManagers.manager(check, TestManagers.config().arenaIdleRetainBytes(0).build())) {
            cycle(manager, 3);
            assertEquals(TestManagers.stats(manager, 0, 1, 1, 0, 0, 0, 0), manager.stats(), "with no retain, nothing is kept");
        }
    }

    @ParameterizedTest
    @EnumSource(value = StaleSegmentCheck.class, names = {"UNCHECKED", "RESCOPED"})
    void aClosedArenaKeepsEveryPageItUsedWhateverTheirClass(StaleSegmentCheck check) {
        try (PooledArenaManager manager = TestManagers.manager(check)) {
            for (int i = 1; i <= 3; i++) {
                try (ScopedArena arena = manager.acquire(ArenaKind.PRIMITIVE)) {
                    arena.allocate(TestManagers.MEDIUM - 64, 64).set(ValueLayout.JAVA_LONG, 0, i);
                    arena.allocate(TestManagers.MEDIUM - 64, 64).set(ValueLayout.JAVA_LONG, 0, i);
                    arena.allocate(TestManagers.LARGE / 2, 64).set(ValueLayout.JAVA_LONG, 0, i);
                    assertEquals(TestManagers.stats(manager, 1, 0, i, 3, 0, 2L * TestManagers.MEDIUM + TestManagers.LARGE, 0),
                            manager.stats(), "the kept pages serve the acquisition, none is taken anew");
                }
                assertEquals(TestManagers.stats(manager, 0, 1, i, 0, 3, 2L * TestManagers.MEDIUM + TestManagers.LARGE, 0),
                        manager.stats(), "the pooled arena keeps two medium pages and a large one");
            }
        }
    }

    @Test
    void idlePagesAreFreedWhenTheBudgetNeedsTheRoom() {
        long budget = TestManagers.LARGE;
        try (PooledArenaManager manager = TestManagers.manager(StaleSegmentCheck.UNCHECKED, TestManagers.config().build(), budget)) {
            cycle(manager, 4);
            assertEquals(4L * TestManagers.MEDIUM, manager.stats().reservedBytes(), "four idle medium pages, half the budget");
            try (ScopedArena arena = manager.acquire(ArenaKind.JSON)) {
                arena.allocate(TestManagers.LARGE / 2, 8);
            }
            ArenaStats stats = manager.stats();
            assertEquals(1, stats.idlePages(), "idle medium pages (the pool's and the one a pooled arena kept)"
                    + " were freed to make room for a large one");
            assertEquals(TestManagers.LARGE, stats.reservedBytes());
        }
    }

    @Test
    void theManagerIsThoseClassesAndFollowsTheConfig() {
        PoolConfig byDefault = TestManagers.config().build();
        PooledArenaManagerProvider provider = new PooledArenaManagerProvider();
        try (PooledArenaManager m = (PooledArenaManager) provider.create(PoolContext.standalone(byDefault))) {
            assertEquals(StaleSegmentCheck.RESCOPED, m.staleSegmentCheck(), "AUTO, the default, is checked and pooled with native access,"
                    + " which the tests run with (--enable-native-access=pools.arena)");
        }
        try (PooledArenaManager m = (PooledArenaManager) provider.create(
                PoolContext.standalone(byDefault.toBuilder().arenaSafety(ArenaSafety.CHECKED).build()))) {
            assertEquals(StaleSegmentCheck.RESCOPED, m.staleSegmentCheck());
        }
        try (PooledArenaManager m = (PooledArenaManager) provider.create(
                PoolContext.standalone(byDefault.toBuilder().arenaSafety(ArenaSafety.UNCHECKED).build()))) {
            assertEquals(StaleSegmentCheck.UNCHECKED, m.staleSegmentCheck(), "the explicit opt-in");
        }
    }

    @ParameterizedTest
    @EnumSource(StaleSegmentCheck.class)
    void withLeakDetectionEveryLeaseIsReportedOutAndBack(StaleSegmentCheck check) {
        List<Object> out = new ArrayList<>();
        List<Object> back = new ArrayList<>();
        PoolEvents events = new PoolEvents() {
            @Override
            public void acquired(String pool, Object lease) {
                out.add(lease);
            }

            @Override
            public void released(String pool, Object lease) {
                back.add(lease);
            }
        };
        PoolConfig config = TestManagers.config().leakDetection(LeakDetection.FULL).build();
        try (PooledArenaManager manager = new PooledArenaManager(
                new PoolContext(config, MemoryBudget.withLimit(config.budget().maxTotalPoolMemoryBytes()), events), check)) {
            ScopedArena confined = manager.acquire(ArenaKind.JSON);
            ScopedArena shared = manager.acquireShared(ArenaKind.SEARCH);
            assertEquals(List.of(confined, shared), out);
            shared.close();
            confined.close();
            assertEquals(List.of(shared, confined), back, "released with the very object that was acquired");
        }
    }

    /** Fills {@code pages} medium pages in one arena and closes it. */
    private static void cycle(PooledArenaManager manager, int pages) {
        try (ScopedArena arena = manager.acquire(ArenaKind.PRIMITIVE)) {
            for (int p = 0; p < pages; p++) {
                MemorySegment s = arena.allocate(TestManagers.MEDIUM - 64, 64);
                s.set(ValueLayout.JAVA_LONG, 0, p);
            }
        }
    }
}

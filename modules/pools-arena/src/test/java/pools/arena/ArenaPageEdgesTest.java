package pools.arena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import pools.api.ArenaKind;
import pools.api.ArenaStats;
import pools.api.PoolConfig;
import pools.api.ScopedArena;

/**
 * Bump allocation at the edges of a page (8 KiB home pages here): a request that fills the rest
 * of a page exactly stays in it, one byte more takes a new page, and a request of exactly a page
 * class's size takes a page of that class rather than an oversize block.
 */
class ArenaPageEdgesTest {

    @ParameterizedTest
    @EnumSource(value = StaleSegmentCheck.class, names = {"RESCOPED", "UNCHECKED"})
    void aRequestThatFillsThePageExactlyStaysInIt(StaleSegmentCheck check) {
        try (PooledArenaManager manager = TestManagers.manager(check);
             ScopedArena arena = manager.acquire(ArenaKind.PRIMITIVE)) {
            arena.allocate(TestManagers.MEDIUM, 8);
            assertEquals(1, manager.stats().pagesInUse(), "a whole page in one request");
            arena.allocate(1, 1);
            assertEquals(2, manager.stats().pagesInUse(), "one byte more is a new page");
        }
        try (PooledArenaManager manager = TestManagers.manager(check);
             ScopedArena arena = manager.acquire(ArenaKind.PRIMITIVE)) {
            arena.allocate(8, 8);
            MemorySegment aligned = arena.allocate(TestManagers.MEDIUM - 64, 64);
            assertEquals(0, aligned.address() % 64);
            assertEquals(1, manager.stats().pagesInUse(), "padded to 64, the request ends exactly at the page's end");
            arena.allocate(0, 8);
            assertEquals(1, manager.stats().pagesInUse(), "an empty request at the page's end needs no page");
            arena.allocate(8, 8);
            assertEquals(2, manager.stats().pagesInUse());
        }
        try (PooledArenaManager manager = TestManagers.manager(check);
             ScopedArena arena = manager.acquire(ArenaKind.PRIMITIVE)) {
            arena.allocate(TestManagers.MEDIUM - 1, 1);
            MemorySegment empty = arena.allocate(0, 8);
            assertEquals(0, empty.address() % 8);
            assertEquals(1, manager.stats().pagesInUse(), "aligned up to the page's end, an empty request still fits");
        }
    }

    @ParameterizedTest
    @EnumSource(value = StaleSegmentCheck.class, names = {"RESCOPED", "UNCHECKED"})
    void eachRequestStartsAtTheNextAlignedByte(StaleSegmentCheck check) {
        try (PooledArenaManager manager = TestManagers.manager(check);
             ScopedArena arena = manager.acquire(ArenaKind.PRIMITIVE)) {
            MemorySegment seven = arena.allocate(7, 1);
            MemorySegment eight = arena.allocate(8, 8);
            assertEquals(seven.address() + 8, eight.address(), "one byte of padding, no more");
            assertEquals(16, arena.allocatedBytes(), "7 bytes, 1 of padding, 8");
        }
    }

    @ParameterizedTest
    @EnumSource(StaleSegmentCheck.class)
    void allocatedBytesCountEveryBlockOfTheAcquisition(StaleSegmentCheck check) {
        try (PooledArenaManager manager = TestManagers.manager(check);
             ScopedArena arena = manager.acquire(ArenaKind.PRIMITIVE)) {
            arena.allocate(TestManagers.MEDIUM - 64, 8);
            arena.allocate(TestManagers.MEDIUM - 64, 8);
            arena.allocate(24, 8);
            assertEquals(2L * (TestManagers.MEDIUM - 64) + 24, arena.allocatedBytes());
        }
    }

    @ParameterizedTest
    @EnumSource(StaleSegmentCheck.class)
    void anArenaFillsTheLargestPageNotAboveItsKindsSize(StaleSegmentCheck check) {
        // PRIMITIVE below the small page, SEARCH exactly the large page, JSON between medium and large.
        PoolConfig config = TestManagers.config().arenaSizes(TestManagers.SMALL / 2, TestManagers.LARGE, 16384).build();
        long[] expected = {TestManagers.SMALL, TestManagers.LARGE, TestManagers.MEDIUM};
        for (ArenaKind kind : ArenaKind.values()) {
            try (PooledArenaManager manager = TestManagers.manager(check, config);
                 ScopedArena arena = manager.acquire(kind)) {
                arena.allocate(100, 8).set(ValueLayout.JAVA_LONG, 0, 1L);
                ArenaStats stats = manager.stats();
                assertEquals(expected[kind.ordinal()], stats.reservedBytes(), kind + ": " + stats);
                assertEquals(0, stats.oversizeAllocations(), kind + ": a request that fits a page is no oversize block");
                assertEquals(check == StaleSegmentCheck.PER_ALLOCATION ? 0 : 1, stats.pagesInUse(),
                        kind + ": a pooled page, unless every allocation is its own malloc");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = StaleSegmentCheck.class, names = {"RESCOPED", "UNCHECKED"})
    void aRequestOfExactlyTheLargestPageIsAPageNotAnOversizeBlock(StaleSegmentCheck check) {
        try (PooledArenaManager manager = TestManagers.manager(check);
             ScopedArena arena = manager.acquire(ArenaKind.PRIMITIVE)) {
            arena.allocate(TestManagers.LARGE, 8);
            assertEquals(0, manager.stats().oversizeAllocations());
            assertEquals(TestManagers.LARGE, manager.stats().reservedBytes(), "one large page");
            arena.allocate(TestManagers.LARGE + 1, 8);
            assertEquals(1, manager.stats().oversizeAllocations(), "one byte more is oversize");
        }
    }

    @ParameterizedTest
    @EnumSource(StaleSegmentCheck.class)
    void badRequestsNameWhatIsWrong(StaleSegmentCheck check) {
        try (PooledArenaManager manager = TestManagers.manager(check);
             ScopedArena arena = manager.acquire(ArenaKind.PRIMITIVE)) {
            assertEquals("byteSize must be 0 or more, got -1",
                    assertThrows(IllegalArgumentException.class, () -> arena.allocate(-1, 8)).getMessage());
            assertEquals("byteAlignment must be a power of two, got 0",
                    assertThrows(IllegalArgumentException.class, () -> arena.allocate(0, 0)).getMessage());
            assertEquals("byteAlignment must be a power of two, got 24",
                    assertThrows(IllegalArgumentException.class, () -> arena.allocate(8, 24)).getMessage());
            assertEquals(0, arena.allocate(0, 1).byteSize(), "a request of 0 bytes is allowed");
        }
    }
}

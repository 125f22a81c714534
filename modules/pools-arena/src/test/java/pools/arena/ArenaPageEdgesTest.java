package pools.arena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.MemorySegment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import pools.api.ArenaKind;
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

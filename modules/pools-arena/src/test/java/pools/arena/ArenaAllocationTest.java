package pools.arena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import pools.api.ArenaKind;
import pools.api.ScopedArena;

class ArenaAllocationTest {

    @ParameterizedTest
    @EnumSource(StaleSegmentCheck.class)
    void everyAllocationIsAlignedSizedAndDisjoint(StaleSegmentCheck check) {
        try (PooledArenaManager manager = TestManagers.manager(check); ScopedArena arena = manager.acquire(ArenaKind.PRIMITIVE)) {
            List<MemorySegment> segments = new ArrayList<>();
            long expectedAtLeast = 0;
            for (int i = 0; i < 600; i++) {
                long size = (i * 37L) % 300;
                long alignment = 1L << (i % 9);
                MemorySegment s = arena.allocate(size, alignment);
                assertEquals(size, s.byteSize());
                assertEquals(0, s.address() % alignment, "allocation " + i + " misaligned");
                expectedAtLeast += size;
                segments.add(s);
            }
            for (int i = 0; i < segments.size(); i++) {
                segments.get(i).fill((byte) i);
            }
            for (int i = 0; i < segments.size(); i++) {
                MemorySegment s = segments.get(i);
                for (long b = 0; b < s.byteSize(); b++) {
                    assertEquals((byte) i, s.get(ValueLayout.JAVA_BYTE, b), "allocation " + i + " overlaps another");
                }
            }
            assertTrue(arena.allocatedBytes() >= expectedAtLeast, "allocatedBytes counts every byte handed out");
        }
    }

    @ParameterizedTest
    @EnumSource(value = StaleSegmentCheck.class, names = {"UNCHECKED", "RESCOPED"})
    void bumpsWithinAPageThenChainsToAnother(StaleSegmentCheck check) {
        try (PooledArenaManager manager = TestManagers.manager(check); ScopedArena arena = manager.acquire(ArenaKind.JSON)) {
            MemorySegment first = arena.allocate(100, 8);
            MemorySegment second = arena.allocate(100, 8);
            assertEquals(first.address() + 104, second.address(), "consecutive allocations bump one offset");
            assertEquals(1, manager.stats().pagesInUse());
            assertEquals(204, arena.allocatedBytes(), "alignment padding is counted");
            MemorySegment spilled = arena.allocate(TestManagers.MEDIUM - 150, 8);
            assertEquals(2, manager.stats().pagesInUse(), "a request the page cannot hold takes a new page");
            assertTrue(spilled.address() < first.address() || spilled.address() >= first.address() + TestManagers.MEDIUM);
            MemorySegment big = arena.allocate(TestManagers.MEDIUM * 3, 64);
            assertEquals(3, manager.stats().pagesInUse(), "a request above the home page takes a larger class");
            assertEquals(0, big.address() % 64);
            assertEquals(0, manager.stats().oversizeAllocations());
        }
    }

    @ParameterizedTest
    @EnumSource(StaleSegmentCheck.class)
    void requestsAboveTheLargestPageAreServedAndAccountedOnTheirOwn(StaleSegmentCheck check) {
        try (PooledArenaManager manager = TestManagers.manager(check, TestManagers.config().arenaIdleRetainBytes(0).build())) {
            try (ScopedArena arena = manager.acquire(ArenaKind.SEARCH)) {
                MemorySegment huge = arena.allocate(TestManagers.LARGE * 2L + 5, 128);
                assertEquals(TestManagers.LARGE * 2L + 5, huge.byteSize());
                assertEquals(0, huge.address() % 128);
                huge.fill((byte) 7);
                assertEquals(1, manager.stats().oversizeAllocations());
                assertTrue(manager.stats().reservedBytes() >= huge.byteSize(),
                        "oversize memory is reserved against the budget");
            }
            assertEquals(0, manager.stats().reservedBytes(), "the oversize block is released when its arena closes");
        }
    }
}

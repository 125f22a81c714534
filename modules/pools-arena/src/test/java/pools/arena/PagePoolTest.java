package pools.arena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import pools.api.BudgetExceededException;
import pools.api.MemoryBudget;
import pools.api.PoolClosedException;
import pools.api.PoolConfig;
import pools.api.spi.PoolEvents;

/** The page pool on its own: the retain limit on kept pages, the budget, the events, close. */
class PagePoolTest {
    private static final int MEDIUM_CLASS = 1;
    private static final int LARGE_CLASS = 2;

    /** The events the pool reports, in words. */
    private static final class Recorded implements PoolEvents {
        final List<String> events = new ArrayList<>();

        @Override
        public void grown(String pool, long fromCapacity, long toCapacity) {
            events.add("grown " + pool + " " + fromCapacity + " -> " + toCapacity);
        }

        @Override
        public void exhausted(String pool, long capacity) {
            events.add("exhausted " + pool + " at " + capacity);
        }
    }

    private static PagePool pool(MemoryBudget budget, PoolEvents events) {
        PoolConfig config = TestManagers.config().arenaIdleRetainBytes(TestManagers.MEDIUM).build();
        return new PagePool(config, budget, events);
    }

    @Test
    void pagesAreKeptWithinTheRetainLimitAndAFreedKeptPageMakesRoomForAnother() {
        MemoryBudget budget = MemoryBudget.withLimit(1 << 20);
        PagePool pool = pool(budget, PoolEvents.NONE);
        Page kept = pool.allocate(MEDIUM_CLASS, "test");
        Page beyond = pool.allocate(MEDIUM_CLASS, "test");
        assertTrue(pool.keep(kept));
        assertFalse(pool.keep(beyond), "a second medium page would pass the 8 KiB retain limit");
        pool.free(beyond);
        assertEquals(1, pool.livePages());
        assertEquals(TestManagers.MEDIUM, pool.reservedBytes());
        pool.freeKept(kept);
        assertEquals(0, pool.livePages());
        assertEquals(0, budget.reservedBytes(), "every byte went back to the budget");
        Page next = pool.allocate(MEDIUM_CLASS, "test");
        assertTrue(pool.keep(next), "the limit counts only the pages still kept");
        pool.freeKept(next);
        assertEquals(0, pool.reservedBytes());
    }

    @Test
    void eachNewPageAndEachRefusalIsReported() {
        Recorded events = new Recorded();
        PagePool pool = pool(MemoryBudget.withLimit(2L * TestManagers.MEDIUM), events);
        Page first = pool.allocate(MEDIUM_CLASS, "test");
        Page second = pool.allocate(MEDIUM_CLASS, "test");
        assertThrows(BudgetExceededException.class, () -> pool.allocate(LARGE_CLASS, "test"));
        assertEquals(List.of("grown arenas 0 -> 1", "grown arenas 1 -> 2", "exhausted arenas at 2"), events.events);
        assertEquals(2, pool.livePages(), "a refusal allocates nothing");
        pool.free(first);
        pool.free(second);
    }

    @Test
    void aClosedPoolAllocatesAndKeepsNothingButStillFreesWhatIsHeld() {
        MemoryBudget budget = MemoryBudget.withLimit(1 << 20);
        PagePool pool = pool(budget, PoolEvents.NONE);
        Page held = pool.allocate(MEDIUM_CLASS, "test");
        pool.close();
        PoolClosedException e = assertThrows(PoolClosedException.class, () -> pool.allocate(MEDIUM_CLASS, "test"));
        assertTrue(e.getMessage().contains("acquire arenas from a live manager"), e.getMessage());
        assertFalse(pool.keep(held), "nothing is kept once closed");
        pool.free(held);
        assertEquals(0, budget.reservedBytes());
    }
}

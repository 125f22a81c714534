package pools.arena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import pools.api.MemoryBudget;
import pools.api.spi.PoolEvents;

/** One arena's pages on their own: what it keeps, and what it gives back under pressure. */
class HeldPagesTest {
    private static final int MEDIUM_CLASS = 1;

    private final MemoryBudget budget = MemoryBudget.withLimit(1 << 20);
    private final PagePool pool = new PagePool(TestManagers.config().build(), budget, PoolEvents.NONE);
    private final HeldPages held = new HeldPages(pool);

    /** An ended acquisition that took two medium pages, both kept. */
    private void keepTwoMediumPages() {
        held.takeNew(MEDIUM_CLASS, "test");
        held.takeNew(MEDIUM_CLASS, "test");
        held.endAcquisition(false);
        assertEquals(2, held.keptPages());
        assertEquals(2L * TestManagers.MEDIUM, held.keptBytes());
    }

    @Test
    void unusedKeptPagesAreGivenBackOnlyWhenTheyCoverTheRequest() {
        keepTwoMediumPages();
        assertFalse(held.freeUnusedKept(0), "nothing is needed");
        assertFalse(held.freeUnusedKept(2L * TestManagers.MEDIUM + 1), "both pages would not be enough");
        assertEquals(2, held.keptPages(), "a refusal frees nothing");
        assertTrue(held.freeUnusedKept(1), "one page covers one byte");
        assertEquals(1, held.keptPages());
        assertEquals(TestManagers.MEDIUM, held.keptBytes());
        assertTrue(held.freeUnusedKept(TestManagers.MEDIUM), "the last page covers its own size exactly");
        assertEquals(0, held.keptBytes());
        assertFalse(held.hasKept());
        assertEquals(0, budget.reservedBytes());
    }

    @Test
    void aKeptPageInUseIsNotGivenBack() {
        keepTwoMediumPages();
        Page first = held.takeFirstKept();
        Page second = held.takeKept(MEDIUM_CLASS);
        assertNotSame(first, second, "the page in use is not offered again");
        assertNull(held.takeKept(MEDIUM_CLASS), "both kept pages are in use now");
        assertFalse(held.freeUnusedKept(1), "no kept page is unused");
        assertEquals(2L * TestManagers.MEDIUM, budget.reservedBytes());
        held.endAcquisition(false);
        assertEquals(2L * TestManagers.MEDIUM, held.freeKept(), "freeing the chain says how many bytes went back");
        assertEquals(0, budget.reservedBytes());
    }
}

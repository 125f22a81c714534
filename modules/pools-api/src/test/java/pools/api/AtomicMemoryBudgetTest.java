package pools.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import pools.api.spi.PoolEvents;

class AtomicMemoryBudgetTest {

    @Test
    void reservesUpToTheLimitAndTracksThePeak() {
        MemoryBudget budget = MemoryBudget.withLimit(1000);
        budget.reserve(600, "a");
        assertTrue(budget.tryReserve(400, "b"));
        assertEquals(1000, budget.reservedBytes());
        budget.release(700);
        assertEquals(new BudgetStats(1000, 300, 1000, 0), budget.stats());
        assertEquals(700, budget.stats().availableBytes());
    }

    @Test
    void aRefusalSaysWhoAndByHowMuchAndReservesNothing() {
        List<String> refused = new ArrayList<>();
        MemoryBudget budget = new AtomicMemoryBudget(1000, new PoolEvents() {
            @Override
            public void budgetRefused(String requester, long requested, long reserved, long limit) {
                refused.add(requester + ":" + requested + ":" + reserved + ":" + limit);
            }
        });
        budget.reserve(900, "embeddings");
        BudgetExceededException e = assertThrows(BudgetExceededException.class,
                () -> budget.reserve(250, "arena page"));
        assertEquals(150, e.overrunBytes());
        assertEquals(250, e.requestedBytes());
        assertTrue(e.getMessage().contains("arena page") && e.getMessage().contains("150 bytes"), e.getMessage());
        assertFalse(budget.tryReserve(101, "slab"));
        assertEquals(900, budget.reservedBytes());
        assertEquals(2, budget.stats().refusals());
        assertEquals(List.of("arena page:250:900:1000", "slab:101:900:1000"), refused);
    }

    @Test
    void releasingMoreThanReservedFailsAndChangesNothing() {
        MemoryBudget budget = MemoryBudget.withLimit(100);
        budget.reserve(10, "a");
        assertThrows(IllegalStateException.class, () -> budget.release(11));
        assertEquals(10, budget.reservedBytes());
    }

    @Test
    void negativeAmountsAreRejected() {
        MemoryBudget budget = MemoryBudget.withLimit(100);
        assertThrows(IllegalArgumentException.class, () -> budget.reserve(-1, "a"));
        assertThrows(IllegalArgumentException.class, () -> budget.release(-1));
        assertThrows(IllegalArgumentException.class, () -> MemoryBudget.withLimit(-1));
        assertEquals(0, budget.reservedBytes());
    }

    @Test
    void theEdgesAreExact() {
        MemoryBudget none = MemoryBudget.withLimit(0);
        assertTrue(none.tryReserve(0, "nothing"), "a zero budget grants zero bytes");
        assertFalse(none.tryReserve(1, "one"));
        MemoryBudget budget = MemoryBudget.withLimit(100);
        assertTrue(budget.tryReserve(100, "all"), "a reservation may fill the budget exactly");
        assertFalse(budget.tryReserve(1, "more"));
        budget.release(0);
        budget.release(100);
        assertEquals(0, budget.reservedBytes(), "releasing exactly what is reserved is allowed");
        assertEquals(new BudgetStats(100, 0, 100, 1), budget.stats(), "the peak outlives the release");
        budget.reserve(30, "a");
        budget.reserve(20, "b");
        budget.release(50);
        assertEquals(100, budget.stats().peakReservedBytes(), "a lower later peak leaves the high one");
    }

    @Test
    void theOverrunInTheMessageIsTheWholeNumber() {
        MemoryBudget budget = MemoryBudget.withLimit(3000);
        budget.reserve(1000, "a");
        BudgetExceededException e = assertThrows(BudgetExceededException.class, () -> budget.reserve(4150, "big"));
        assertEquals(2150, e.overrunBytes());
        assertTrue(e.getMessage().contains("by 2150 bytes"), e.getMessage());
        BudgetExceededException small = assertThrows(BudgetExceededException.class, () -> budget.reserve(2150, "small"));
        assertEquals(150, small.overrunBytes());
        assertTrue(small.getMessage().contains("by 150 bytes"), small.getMessage());
    }
}

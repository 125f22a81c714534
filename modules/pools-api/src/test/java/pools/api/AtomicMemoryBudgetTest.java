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
}

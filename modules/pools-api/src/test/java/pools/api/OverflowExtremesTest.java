package pools.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The budget and the embedding spec at the edges of a long: refusals that say so and change nothing. */
class OverflowExtremesTest {

    @Test
    void theBudgetRefusesLongMaxValueWithAPositiveOverrunAndKeepsItsCount() {
        MemoryBudget budget = MemoryBudget.withLimit(1 << 20);
        budget.reserve(1000, "a");
        BudgetExceededException e = assertThrows(BudgetExceededException.class,
                () -> budget.reserve(Long.MAX_VALUE, "huge"));
        assertEquals(Long.MAX_VALUE - ((1 << 20) - 1000), e.overrunBytes(), "no wrap to a negative overrun");
        assertTrue(e.getMessage().contains("overrun it by " + e.overrunBytes()), e.getMessage());
        assertFalse(budget.tryReserve(Long.MAX_VALUE, "huge"));
        assertEquals(1000, budget.reservedBytes());
        assertTrue(budget.tryReserve((1 << 20) - 1000, "rest"), "exactly the rest still fits");
        assertFalse(budget.tryReserve(1, "one more"));
        assertThrows(IllegalStateException.class, () -> budget.release(Long.MAX_VALUE));
        assertEquals(1 << 20, budget.reservedBytes());
        assertEquals(3, budget.stats().refusals(), "every refusal is counted");
    }

    @Test
    void aBudgetOfLongMaxValueTakesLongMaxValueAndNothingMore() {
        MemoryBudget budget = MemoryBudget.withLimit(Long.MAX_VALUE);
        assertTrue(budget.tryReserve(Long.MAX_VALUE, "all"));
        assertFalse(budget.tryReserve(1, "one more"));
        assertEquals(Long.MAX_VALUE, budget.reservedBytes());
        budget.release(Long.MAX_VALUE);
        assertEquals(0, budget.reservedBytes());
    }

    @Test
    void anEmbeddingSpecWhoseFullPoolExceedsALongIsRefusedByName() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> new EmbeddingPoolSpec("e", Integer.MAX_VALUE, 4096, 0, Integer.MAX_VALUE, 1.5));
        assertEquals("maxCapacity", e.field());
        assertTrue(e.getMessage().contains("Long.MAX_VALUE"), e.getMessage());
        EmbeddingPoolSpec largest = new EmbeddingPoolSpec("e", Integer.MAX_VALUE, 4096, 0, 1 << 20, 1.5);
        assertEquals(((long) Integer.MAX_VALUE * Float.BYTES + 4095) & -4096L, largest.strideBytes());
        assertTrue(Math.multiplyHigh(largest.strideBytes(), largest.maxCapacity()) == 0, "its full size fits");
        assertEquals(64, new EmbeddingPoolSpec("e", 1, 64, 0, Integer.MAX_VALUE, 1.5).strideBytes());
    }

    @Test
    void aSystemWithoutArenasSaysSoInItsToString() {
        try (MemoryPoolSystem system = MemoryPoolSystem.builder(PoolConfig.builder().maxTotalPoolMemoryMb(8).build())
                .discover(false).build()) {
            String text = system.toString();
            assertTrue(text.contains("arenas: no arena provider"), text);
            assertTrue(text.contains("of " + (8L << 20) + " bytes reserved"), text);
        }
    }
}

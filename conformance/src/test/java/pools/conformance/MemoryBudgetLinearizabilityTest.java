package pools.conformance;

import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pools.api.BudgetExceededException;
import pools.api.BudgetStats;
import pools.api.MemoryBudget;

/**
 * Lincheck checks the shared memory budget (a CAS loop on one counter, with a peak and a refusal
 * count beside it) against a plain counter: reservations never pass the limit, releases never
 * below zero, and every stats snapshot keeps {@code reserved <= peak <= limit}.
 */
@Timeout(300)
class MemoryBudgetLinearizabilityTest {
    private static final long LIMIT = 100;
    private static final long UNIT = 30;

    @Param(name = "units", gen = IntGen.class, conf = "1:3")
    public static class Budget {
        private final MemoryBudget budget = MemoryBudget.withLimit(LIMIT);

        @Operation
        public boolean tryReserve(@Param(name = "units") int units) {
            return budget.tryReserve(units * UNIT, "lincheck");
        }

        @Operation
        public String reserve(@Param(name = "units") int units) {
            try {
                budget.reserve(units * UNIT, "lincheck");
                return "ok";
            } catch (BudgetExceededException e) {
                return "refused";
            }
        }

        @Operation
        public String release(@Param(name = "units") int units) {
            try {
                budget.release(units * UNIT);
                return "ok";
            } catch (IllegalStateException e) {
                return "more than reserved";
            }
        }

        @Operation
        public long reservedBytes() {
            return budget.reservedBytes();
        }

        @Operation
        public boolean statsInvariantsHold() {
            BudgetStats stats = budget.stats();
            return stats.limitBytes() == LIMIT && 0 <= stats.reservedBytes()
                    && stats.reservedBytes() <= stats.peakReservedBytes() && stats.peakReservedBytes() <= LIMIT
                    && stats.refusals() >= 0;
        }
    }

    /** The budget one call at a time. */
    public static class BudgetModel {
        private long reserved;

        public boolean tryReserve(int units) {
            if (reserved + units * UNIT > LIMIT) {
                return false;
            }
            reserved += units * UNIT;
            return true;
        }

        public String reserve(int units) {
            return tryReserve(units) ? "ok" : "refused";
        }

        public String release(int units) {
            if (units * UNIT > reserved) {
                return "more than reserved";
            }
            reserved -= units * UNIT;
            return "ok";
        }

        public long reservedBytes() {
            return reserved;
        }

        public boolean statsInvariantsHold() {
            return true;
        }
    }

    @Test
    void theBudgetIsLinearizable() {
        LincheckRun.check(Budget.class, BudgetModel.class);
    }
}

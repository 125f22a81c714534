package pools.conformance;

import java.util.ArrayList;
import java.util.List;
import pools.api.PoolStats;

/** The invariants every {@link PoolStats} snapshot keeps at every moment, under any concurrency. */
final class StatsInvariants {
    private StatsInvariants() {
    }

    /** The invariants {@code stats} breaks, in words; empty when it keeps them all. */
    static List<String> violations(PoolStats stats) {
        List<String> broken = new ArrayList<>();
        check(broken, stats.hits() >= 0 && stats.misses() >= 0 && stats.freed() >= 0 && stats.refusals() >= 0,
                "a counter is negative", stats);
        check(broken, stats.inUse() >= 0, "inUse < 0", stats);
        check(broken, stats.inUse() <= stats.peakInUse(), "inUse > peakInUse", stats);
        check(broken, stats.peakInUse() <= stats.maxCapacity(), "peakInUse > maxCapacity", stats);
        check(broken, stats.inUse() <= stats.capacity(), "inUse > capacity", stats);
        check(broken, stats.capacity() <= stats.maxCapacity(), "capacity > maxCapacity", stats);
        check(broken, stats.freed() <= stats.allocated(), "freed > allocated", stats);
        return broken;
    }

    private static void check(List<String> broken, boolean holds, String invariant, PoolStats stats) {
        if (!holds) {
            broken.add(invariant + " in " + stats);
        }
    }
}

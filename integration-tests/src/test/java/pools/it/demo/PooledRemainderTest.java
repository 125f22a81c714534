package pools.it.demo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The summary's remainder line: the pooled bytes split into the query loops' slices and the rest. */
class PooledRemainderTest {

    @Test
    void remainderCountsTheLoopsBytesInSlicesAndNamesWhatIsOutsideTheLoops() {
        WayResult pooled = new WayResult("pooled");
        pooled.queries = 1_000;
        pooled.allocatedBytes = 82_500;
        pooled.queryLoopBytes = 80_000;

        String line = DemoHost.remainder(pooled, 40);

        assertTrue(line.startsWith("pooled remainder: 80.0 B/query in the query loops = 2.00 MemorySegment objects "
                + "of 40 B"), line);
        assertTrue(line.contains("2.5 B/query outside the loops"), line);
    }

    /** The fresh-user trial's run: the all-threads count read 9.2 B/query below the loops' own. */
    @Test
    void anAllThreadsCountBelowTheLoopsOwnIsSaidToBeNoAllocation() {
        WayResult pooled = new WayResult("pooled");
        pooled.queries = 1_000;
        pooled.allocatedBytes = 70_800;
        pooled.queryLoopBytes = 80_000;

        String line = DemoHost.remainder(pooled, 40);

        assertTrue(line.contains("; none measurable outside the loops (the all-threads count, an approximation like "
                + "the loops' own, read 9.2 B/query below it)"), line);
        assertFalse(line.contains("-9.2"), line);
    }

    @Test
    void onVirtualThreadsTheRemainderIsNotSplit() {
        WayResult pooled = new WayResult("pooled");
        pooled.queries = 1_000;
        pooled.allocatedBytes = 82_500;
        pooled.queryLoopBytesKnown = false;

        assertTrue(DemoHost.remainder(pooled, 40).startsWith("pooled remainder: not split on virtual threads"));
    }
}

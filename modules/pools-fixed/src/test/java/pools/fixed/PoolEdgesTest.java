package pools.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import pools.api.AcquireInterruptedException;
import pools.api.ObjectPool;
import pools.api.ObjectPoolSpec;
import pools.api.PoolClosedException;
import pools.api.PoolExhaustedException;
import pools.api.PoolStats;
import pools.testkit.RecordingEvents;

/** Edges of one pool's calls: its name, the refusal message without a wait, an interrupt, a release after close. */
class PoolEdgesTest {
    private final RecordingEvents events = new RecordingEvents();

    private ObjectPool<StringBuilder> pool(int initial, int max) {
        return new FixedPoolProvider().create(ObjectPoolSpec.<StringBuilder>builder("edges", StringBuilder::new)
                .reset(builder -> builder.setLength(0)).initialCapacity(initial).maxCapacity(max).build(),
                events.context(false));
    }

    @Test
    void aPoolIsNamedByItsSpec() {
        assertEquals("edges", pool(0, 1).name());
    }

    @Test
    void aRefusalWithoutWaitingSaysSoAndNoMore() {
        ObjectPool<StringBuilder> pool = pool(1, 1);
        pool.acquire();
        PoolExhaustedException refused = assertThrows(PoolExhaustedException.class, () -> pool.acquire(Duration.ZERO));
        assertEquals("pool 'edges' is exhausted: all 1 objects (maxCapacity 1) are in use; release objects sooner, "
                + "raise maxCapacity, or wait with acquire(Duration)", refused.getMessage());
    }

    @Test
    void anInterruptedWaitIsCountedAsARefusal() {
        ObjectPool<StringBuilder> pool = pool(1, 1);
        pool.acquire();
        PoolStats before = pool.stats();
        Thread.currentThread().interrupt();
        assertThrows(AcquireInterruptedException.class, () -> pool.acquire(Duration.ofSeconds(30)));
        assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
        assertEquals(before.refusals() + 1, pool.stats().refusals());
        assertEquals(List.of("1"), events.exhausted);
        assertEquals(before.allocated(), pool.stats().allocated());
    }

    /** The object acquired last is found without the table; the closed check still comes first. */
    @Test
    void aReleaseAfterCloseIsRefusedEvenForTheObjectAcquiredLast() {
        ObjectPool<StringBuilder> pool = pool(1, 2);
        StringBuilder last = pool.acquire().append("kept");
        pool.close();
        PoolStats closed = pool.stats();
        PoolClosedException refused = assertThrows(PoolClosedException.class, () -> pool.release(last));
        assertEquals("pool 'edges' is closed; acquire from a live pool", refused.getMessage());
        assertEquals("kept", last.toString(), "no reset ran");
        assertEquals(closed, pool.stats());
        assertThrows(PoolClosedException.class, () -> pool.release(new StringBuilder()), "a foreign object too");
    }
}

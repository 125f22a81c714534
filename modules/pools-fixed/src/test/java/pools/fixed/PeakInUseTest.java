package pools.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pools.api.ObjectPool;
import pools.api.ObjectPoolSpec;
import pools.testkit.RecordingEvents;
import pools.testkit.Workers;

/**
 * {@code peakInUse} when platform threads take turns, each step done before the next starts: the
 * pool must count a peak that two threads' objects made together, though no stats were read
 * while it lasted (the sequence PIT's review of issue 19 found missed).
 */
@Timeout(60)
class PeakInUseTest {
    private final ObjectPool<StringBuilder> pool = new FixedPoolProvider().create(
            ObjectPoolSpec.<StringBuilder>builder("peak", StringBuilder::new).initialCapacity(2).maxCapacity(4).build(),
            new RecordingEvents().context(false));

    private StringBuilder acquireOnAnotherThread() throws InterruptedException {
        AtomicReference<StringBuilder> taken = new AtomicReference<>();
        Workers other = new Workers();
        other.start("other", () -> taken.set(pool.acquire()));
        other.joinAll(Duration.ofSeconds(20));
        return taken.get();
    }

    @Test
    void twoObjectsHeldAtOnceByThreadsTakingTurnsMakeAPeakOfTwo() throws InterruptedException {
        pool.release(pool.acquire());
        StringBuilder theirs = acquireOnAnotherThread();
        StringBuilder mine = pool.acquire();
        pool.release(mine);
        pool.release(theirs);
        assertEquals(2, pool.stats().peakInUse(), pool.stats()::toString);
    }

    @Test
    void aVirtualThreadsObjectCountsTowardsThePeak() throws InterruptedException {
        pool.release(pool.acquire());
        AtomicReference<StringBuilder> taken = new AtomicReference<>();
        Thread.ofVirtual().start(() -> taken.set(pool.acquire())).join(Duration.ofSeconds(20));
        StringBuilder mine = pool.acquire();
        pool.release(mine);
        pool.release(taken.get());
        assertEquals(2, pool.stats().peakInUse(), pool.stats()::toString);
    }
}

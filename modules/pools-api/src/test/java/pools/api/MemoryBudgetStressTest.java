package pools.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pools.testkit.Workers;

/** Many threads reserve and release at random: the limit holds at every sampled moment, nothing leaks. */
@Timeout(value = 15, unit = TimeUnit.MINUTES) // -Pstress runs 20 times the rounds
class MemoryBudgetStressTest {
    private static final int SCALE = Integer.getInteger("pools.stress.scale", 1);

    @Test
    void neverOverrunsAndEndsEmpty() throws InterruptedException {
        long limit = 10_000;
        MemoryBudget budget = MemoryBudget.withLimit(limit);
        AtomicLong granted = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong worstSeen = new AtomicLong();
        Workers sampler = new Workers();
        sampler.start("sampler", () -> {
            while (running.get()) {
                worstSeen.accumulateAndGet(budget.reservedBytes(), Math::max);
            }
        });
        Workers workers = new Workers();
        for (int t = 0; t < 8; t++) {
            Workers.Task work = () -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = 0; i < 50_000 * SCALE; i++) {
                    long bytes = random.nextLong(1, 2_000);
                    if (budget.tryReserve(bytes, "stress")) {
                        granted.incrementAndGet();
                        budget.release(bytes);
                    }
                }
            };
            if (t % 2 == 0) {
                workers.start("worker-" + t, work);
            } else {
                workers.startVirtual("worker-" + t, work);
            }
        }
        try {
            workers.joinAll(Duration.ofMinutes(5));
        } finally {
            running.set(false);
            sampler.joinAll(Duration.ofSeconds(30));
        }
        assertEquals(0, budget.reservedBytes());
        assertTrue(worstSeen.get() <= limit, "saw " + worstSeen.get() + " reserved over a limit of " + limit);
        assertTrue(budget.stats().peakReservedBytes() <= limit);
        assertTrue(granted.get() > 0);
        assertEquals(8L * 50_000 * SCALE, granted.get() + budget.stats().refusals());
    }
}

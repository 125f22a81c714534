package pools.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Many threads reserve and release at random: the limit holds at every sampled moment, nothing leaks. */
class MemoryBudgetStressTest {
    private static final int SCALE = Integer.getInteger("pools.stress.scale", 1);

    @Test
    void neverOverrunsAndEndsEmpty() throws InterruptedException {
        long limit = 10_000;
        MemoryBudget budget = MemoryBudget.withLimit(limit);
        AtomicLong granted = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong worstSeen = new AtomicLong();
        Thread sampler = Thread.ofPlatform().start(() -> {
            while (running.get()) {
                worstSeen.accumulateAndGet(budget.reservedBytes(), Math::max);
            }
        });
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread.Builder builder = t % 2 == 0 ? Thread.ofPlatform() : Thread.ofVirtual();
            workers.add(builder.start(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = 0; i < 50_000 * SCALE; i++) {
                    long bytes = random.nextLong(1, 2_000);
                    if (budget.tryReserve(bytes, "stress")) {
                        granted.incrementAndGet();
                        budget.release(bytes);
                    }
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        running.set(false);
        sampler.join();
        assertEquals(0, budget.reservedBytes());
        assertTrue(worstSeen.get() <= limit, "saw " + worstSeen.get() + " reserved over a limit of " + limit);
        assertTrue(budget.stats().peakReservedBytes() <= limit);
        assertTrue(granted.get() > 0);
        assertEquals(8L * 50_000 * SCALE, granted.get() + budget.stats().refusals());
    }
}

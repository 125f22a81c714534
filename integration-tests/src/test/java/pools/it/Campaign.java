package pools.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;
import pools.api.ObjectPool;

/**
 * What the reliability campaign's test classes share: the thread mix (platform and virtual, more
 * than cores), the rounds (times {@code -Dpools.stress.scale}), and the tally of figures that
 * docs/reliability.md quotes, rewritten to {@code integration-tests/target/reliability.md} after
 * each campaign class so the last one holds every row.
 */
final class Campaign {
    static final int SCALE = Integer.getInteger("pools.stress.scale", 1);
    static final int PLATFORM_THREADS = 8;
    static final int VIRTUAL_THREADS = 56;
    static final int THREADS = PLATFORM_THREADS + VIRTUAL_THREADS;
    static final int ROUNDS = 4_000 * SCALE;
    static final CampaignTally TALLY = new CampaignTally();

    private Campaign() {
    }

    static void writeFigures() {
        TALLY.writeTo(Path.of("target", "reliability.md"), SCALE);
    }

    /**
     * Runs {@code body(threadIndex)} on every thread at once, waits for all up to a deadline, and
     * rethrows the first failure (a stuck thread fails the test instead of hanging it).
     */
    static void onAllThreads(IntConsumer body) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int index = t;
            Thread.Builder builder = t < PLATFORM_THREADS ? Thread.ofPlatform() : Thread.ofVirtual();
            threads.add(builder.start(() -> {
                try {
                    body.accept(index);
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(5L * SCALE).toNanos();
        for (Thread thread : threads) {
            thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (thread.isAlive()) {
                AssertionError stuck = new AssertionError(thread + " still runs after " + 5 * SCALE + " min; stuck?");
                failures.forEach(stuck::addSuppressed);
                throw stuck;
            }
        }
        if (!failures.isEmpty()) {
            AssertionError error = new AssertionError(failures.size() + " worker(s) failed", failures.getFirst());
            failures.stream().skip(1).limit(3).forEach(error::addSuppressed);
            throw error;
        }
    }

    /**
     * Acquires until the pool refuses (growing it to its max), checks that no object comes twice,
     * and gives them all back. Returns how many of the max capacity could not be had: lost ones.
     */
    static <T> long lostAfterDraining(ObjectPool<T> pool) {
        Leases leases = new Leases();
        List<T> all = new ArrayList<>();
        for (Optional<T> next = pool.tryAcquire(); next.isPresent(); next = pool.tryAcquire()) {
            leases.taken(next.get());
            all.add(next.get());
        }
        assertEquals(0, leases.duplicates(), "one object twice in the free list");
        all.forEach(pool::release);
        return pool.stats().maxCapacity() - all.size();
    }
}

package pools.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pools.api.MemoryPoolSystem;
import pools.api.ObjectPool;
import pools.api.ObjectPoolSpec;
import pools.api.PoolConfig;

/**
 * An object pool refuses only when every object it may hold is in use: free objects parked in
 * other threads' caches (magazines), whether those threads are idle or busy, must still be found.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES) // -Pstress runs 20 times the rounds
class NoFalseExhaustionTest {
    private final MemoryPoolSystem system = MemoryPoolSystem.create(PoolConfig.builder().maxTotalPoolMemoryMb(16).build());

    @AfterEach
    void close() {
        system.close();
    }

    private ObjectPool<Object> pool(int max) {
        return system.createPool(ObjectPoolSpec.builder("scarce", Object::new).initialCapacity(max).maxCapacity(max).build());
    }

    @Test
    void objectsCachedByLiveIdleThreadsAreFound() throws InterruptedException {
        int threads = 8;
        int each = 8;
        ObjectPool<Object> pool = pool(threads * each);
        CountDownLatch cached = new CountDownLatch(threads);
        CountDownLatch done = new CountDownLatch(1);
        List<Thread> holders = new ArrayList<>();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        for (int t = 0; t < threads; t++) {
            holders.add(Thread.ofPlatform().start(collecting(failures, () -> {
                List<Object> mine = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    mine.add(pool.acquire());
                }
                mine.forEach(pool::release);
                cached.countDown();
                // Idle, alive, with its magazine full, until the test has taken everything.
                if (!done.await(2, TimeUnit.MINUTES)) {
                    throw new AssertionError("the test never finished taking");
                }
            })));
        }
        if (!cached.await(1, TimeUnit.MINUTES)) {
            joinAll(holders, failures);
            throw new AssertionError("the holders never cached their objects");
        }
        List<Object> all = new ArrayList<>();
        for (int i = 0; i < threads * each; i++) {
            pool.tryAcquire().ifPresent(all::add);
        }
        int got = all.size();
        all.forEach(pool::release);
        done.countDown();
        joinAll(holders, failures);
        assertEquals(threads * each, got, "free objects in idle threads' caches were not found");
    }

    @Test
    void objectsAreFoundWhileOtherThreadsAreBusyWithTheirCaches() throws InterruptedException {
        int max = 16;
        int busy = 2;
        ObjectPool<Object> pool = pool(max);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> cyclers = new ArrayList<>();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        for (int t = 0; t < busy; t++) {
            cyclers.add(Thread.ofPlatform().start(collecting(failures, () -> {
                while (running.get()) {
                    pool.release(pool.acquire());
                }
            })));
        }
        LongAdder falseRefusals = new LongAdder();
        LongAdder rounds = new LongAdder();
        Thread taker = Thread.ofVirtual().start(collecting(failures, () -> {
            List<Object> taken = new ArrayList<>(max);
            for (int round = 0; round < 5_000 * Campaign.SCALE; round++) {
                for (int i = 0; i < max - busy; i++) {
                    pool.tryAcquire().ifPresentOrElse(taken::add, falseRefusals::increment);
                }
                taken.forEach(pool::release);
                taken.clear();
                rounds.increment();
            }
        }));
        try {
            joinAll(List.of(taker), failures);
        } finally {
            running.set(false);
            joinAll(cyclers, failures);
        }
        assertEquals(5_000L * Campaign.SCALE, rounds.sum(), "the taker ran every round");
        assertEquals(0, falseRefusals.sum(), "refused while at most " + busy + " of " + max + " objects were in use");
    }

    /** A task that may throw: its failure goes to {@code failures}, for the test thread to rethrow. */
    private interface Task {
        void run() throws Exception;
    }

    private static Runnable collecting(Queue<Throwable> failures, Task task) {
        return () -> {
            try {
                task.run();
            } catch (Throwable e) {
                failures.add(e);
            }
        };
    }

    /** Joins each thread within a deadline, then rethrows the first worker failure (the rest suppressed). */
    private static void joinAll(List<Thread> threads, Queue<Throwable> failures) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        for (Thread thread : threads) {
            thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (thread.isAlive()) {
                throw new AssertionError(thread + " still runs; stuck?");
            }
        }
        Throwable first = failures.poll();
        if (first != null) {
            failures.forEach(first::addSuppressed);
            throw new AssertionError("a worker failed", first);
        }
    }
}

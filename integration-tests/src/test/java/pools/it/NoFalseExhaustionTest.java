package pools.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import pools.api.MemoryPoolSystem;
import pools.api.ObjectPool;
import pools.api.ObjectPoolSpec;
import pools.api.PoolConfig;

/**
 * An object pool refuses only when every object it may hold is in use: free objects parked in
 * other threads' caches (magazines), whether those threads are idle or busy, must still be found.
 */
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
        for (int t = 0; t < threads; t++) {
            holders.add(Thread.ofPlatform().start(() -> {
                List<Object> mine = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    mine.add(pool.acquire());
                }
                mine.forEach(pool::release);
                cached.countDown();
                awaitQuietly(done);
            }));
        }
        cached.await();
        List<Object> all = new ArrayList<>();
        for (int i = 0; i < threads * each; i++) {
            pool.tryAcquire().ifPresent(all::add);
        }
        int got = all.size();
        all.forEach(pool::release);
        done.countDown();
        for (Thread holder : holders) {
            holder.join();
        }
        assertEquals(threads * each, got, "free objects in idle threads' caches were not found");
    }

    @Test
    void objectsAreFoundWhileOtherThreadsAreBusyWithTheirCaches() throws InterruptedException {
        int max = 16;
        int busy = 2;
        ObjectPool<Object> pool = pool(max);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> cyclers = new ArrayList<>();
        for (int t = 0; t < busy; t++) {
            cyclers.add(Thread.ofPlatform().start(() -> {
                while (running.get()) {
                    pool.release(pool.acquire());
                }
            }));
        }
        LongAdder falseRefusals = new LongAdder();
        Thread taker = Thread.ofVirtual().start(() -> {
            List<Object> taken = new ArrayList<>(max);
            for (int round = 0; round < 5_000 * Campaign.SCALE; round++) {
                for (int i = 0; i < max - busy; i++) {
                    pool.tryAcquire().ifPresentOrElse(taken::add, falseRefusals::increment);
                }
                taken.forEach(pool::release);
                taken.clear();
            }
        });
        taker.join();
        running.set(false);
        for (Thread cycler : cyclers) {
            cycler.join();
        }
        assertEquals(0, falseRefusals.sum(), "refused while at most " + busy + " of " + max + " objects were in use");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

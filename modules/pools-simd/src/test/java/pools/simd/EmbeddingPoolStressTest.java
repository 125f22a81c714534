package pools.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pools.api.Embedding;
import pools.api.EmbeddingPool;
import pools.api.EmbeddingPoolSpec;
import pools.api.PoolConfig;
import pools.api.PoolExhaustedException;
import pools.api.PoolStats;
import pools.api.spi.PoolContext;

/**
 * Platform and virtual threads (many more than cores) acquire, write, check and release
 * embeddings of a pool smaller than the number of threads, so it grows, runs dry and reuses
 * blocks all the time. A side table claimed by CAS per block and a marker written into the block
 * prove no block is held by two threads at once and every block arrives zeroed; the stats must
 * account for every operation at the end.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES) // -Pstress runs 20 times the rounds
class EmbeddingPoolStressTest {
    private static final int SCALE = Integer.getInteger("pools.stress.scale", 1);
    private static final int MAX = 48;
    private static final int DIMENSION = 33;

    @Test
    void noBlockIsHeldTwiceAndEveryOperationIsAccountedFor() throws InterruptedException {
        PoolConfig config = PoolConfig.builder().maxTotalPoolMemoryMb(16).build();
        PoolContext context = PoolContext.standalone(config);
        EmbeddingPoolSpec spec = new EmbeddingPoolSpec("stress", DIMENSION, 64, 2, MAX, 1.5);
        EmbeddingPool pool = new SlabEmbeddingPool(spec, context);
        AtomicIntegerArray holder = new AtomicIntegerArray(MAX);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicLong acquired = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        int iterations = 2_000 * SCALE;
        List<Thread> threads = new ArrayList<>();
        for (int t = 1; t <= 72; t++) {
            int id = t;
            Runnable work = () -> {
                try {
                    for (int i = 0; i < iterations; i++) {
                        Optional<Embedding> taken = i % 3 == 0 ? pool.tryAcquire() : timed(pool);
                        if (taken.isEmpty()) {
                            refused.incrementAndGet();
                            continue;
                        }
                        acquired.incrementAndGet();
                        use(pool, taken.get(), id, holder);
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            };
            threads.add(id % 2 == 0 ? Thread.ofVirtual().unstarted(work) : Thread.ofPlatform().unstarted(work));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        assertTrue(failures.isEmpty(), () -> failures.size() + " failures, first: " + failures.peek());
        PoolStats stats = pool.stats();
        assertEquals(acquired.get(), stats.allocated(), "every acquisition counted");
        assertEquals(acquired.get(), stats.freed(), "every release counted");
        assertEquals(0, stats.inUse());
        assertEquals(refused.get(), stats.refusals(), "every refusal counted");
        assertTrue(stats.misses() <= stats.capacity() && stats.capacity() <= MAX, stats::toString);
        assertTrue(stats.peakInUse() <= stats.capacity(), stats::toString);
        for (int block = 0; block < MAX; block++) {
            assertEquals(0, holder.get(block), "block " + block + " is free");
        }
        pool.close();
        assertEquals(0, context.budget().reservedBytes(), "close gives back every slab");
    }

    private static Optional<Embedding> timed(EmbeddingPool pool) {
        try {
            return Optional.of(pool.acquire(Duration.ofMillis(1)));
        } catch (PoolExhaustedException e) {
            return Optional.empty();
        }
    }

    private static void use(EmbeddingPool pool, Embedding embedding, int id, AtomicIntegerArray holder) {
        int block = ((PooledEmbedding) pool.owner(embedding.segment().asSlice(8))).block;
        if (!holder.compareAndSet(block, 0, id)) {
            throw new AssertionError("block " + block + " handed to thread " + id + " while thread "
                    + holder.get(block) + " holds it");
        }
        for (int i = 0; i < DIMENSION; i++) {
            if (embedding.get(i) != 0f) {
                throw new AssertionError("block " + block + " was not zeroed: float " + i + " = " + embedding.get(i));
            }
            embedding.set(i, id);
        }
        Thread.yield();
        for (int i = 0; i < DIMENSION; i++) {
            if (embedding.get(i) != id) {
                throw new AssertionError("block " + block + " was written by another thread while " + id + " held it");
            }
        }
        if (!holder.compareAndSet(block, id, 0)) {
            throw new AssertionError("block " + block + " changed holder while thread " + id + " held it");
        }
        pool.release(embedding);
    }
}

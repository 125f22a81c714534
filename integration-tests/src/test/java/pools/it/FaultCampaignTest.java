package pools.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pools.api.BudgetExceededException;
import pools.api.Embedding;
import pools.api.EmbeddingPool;
import pools.api.EmbeddingPoolSpec;
import pools.api.MemoryPoolSystem;
import pools.api.ObjectPool;
import pools.api.ObjectPoolSpec;
import pools.api.PoolConfig;
import pools.api.PoolExhaustedException;
import pools.api.PoolStats;

/**
 * Reliability campaign, injected faults under contention: factories and reset actions that throw
 * at random, and a budget too small for the embedding pool's max. Each fault reaches its caller;
 * afterwards the counters match the contract in {@link ObjectPool}'s Javadoc exactly and no
 * reservation is left behind. (A real off-heap OutOfMemoryError: {@link OffHeapExhaustionTest}.)
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES) // -Pstress runs 20 times the rounds
class FaultCampaignTest {
    private static final int MAX = 48;

    @AfterAll
    static void writeFigures() {
        Campaign.writeFigures();
    }

    @Test
    void throwingFactoriesAndResetsLeaveExactCounters() throws InterruptedException {
        LongAdder created = new LongAdder();
        LongAdder factoryFaults = new LongAdder();
        LongAdder resetFaults = new LongAdder();
        AtomicBoolean faulty = new AtomicBoolean(true);
        try (MemoryPoolSystem system = MemoryPoolSystem.create(PoolConfig.builder().maxTotalPoolMemoryMb(16).build())) {
            ObjectPool<StringBuilder> pool = system.createPool(ObjectPoolSpec.builder("faulty", () -> {
                if (faulty.get() && ThreadLocalRandom.current().nextInt(20) == 0) {
                    factoryFaults.increment();
                    throw new IllegalStateException("injected factory fault");
                }
                created.increment();
                return new StringBuilder();
            }).reset(builder -> {
                if (faulty.get() && ThreadLocalRandom.current().nextInt(20) == 0) {
                    resetFaults.increment();
                    throw new IllegalArgumentException("injected reset fault");
                }
                builder.setLength(0);
            }).initialCapacity(0).maxCapacity(MAX).build());
            Leases leases = new Leases();
            LongAdder acquired = new LongAdder();
            LongAdder failedAcquires = new LongAdder();
            LongAdder exhausted = new LongAdder();
            LongAdder failedReleases = new LongAdder();
            Campaign.onAllThreads(index -> {
                for (int i = 0; i < Campaign.ROUNDS / 4; i++) {
                    StringBuilder builder;
                    try {
                        builder = pool.acquire();
                    } catch (PoolExhaustedException e) {
                        exhausted.increment();
                        continue;
                    } catch (IllegalStateException e) {
                        failedAcquires.increment();
                        continue;
                    }
                    acquired.increment();
                    leases.taken(builder);
                    builder.append(index);
                    leases.givenBack(builder);
                    try {
                        pool.release(builder);
                    } catch (IllegalArgumentException e) {
                        failedReleases.increment();
                    }
                }
            });
            PoolStats stats = pool.stats();
            assertEquals(resetFaults.sum(), failedReleases.sum(), "every reset fault reached its caller");
            assertEquals(0, stats.inUse(), stats.toString());
            assertEquals(acquired.sum(), stats.allocated(), stats.toString());
            assertEquals(acquired.sum(), stats.freed(), "a faulty release is still counted: " + stats);
            assertTrue(stats.misses() <= created.sum(), "a miss creates at least the caller's object: " + stats);
            assertTrue(stats.created() <= created.sum(), "the pool kept at most what the factory made (a pre-created"
                    + " object is dropped when a racing acquisition took its unit over): " + stats);
            assertEquals(stats.created() - resetFaults.sum(), stats.capacity(),
                    "every object created is in the pool, except those dropped when their reset failed: " + stats);
            // A fault creating the caller's object fails its acquire; one while pre-creating extra
            // objects for the free list only ends that growth step early, and nobody is failed.
            assertTrue(failedAcquires.sum() > 0 && failedAcquires.sum() <= factoryFaults.sum(),
                    failedAcquires.sum() + " failed acquires for " + factoryFaults.sum() + " factory faults");
            assertEquals(exhausted.sum(), stats.refusals(), stats.toString());
            faulty.set(false);
            long lost = Campaign.lostAfterDraining(pool);
            assertEquals(0, lost);
            Campaign.TALLY.add(new CampaignTally.Row("object pool with throwing factory and reset (max " + MAX + ")",
                    Campaign.THREADS, (long) Campaign.THREADS * (Campaign.ROUNDS / 4), 0,
                    factoryFaults.sum() + resetFaults.sum(), lost, leases.duplicates()));
        }
    }

    @Test
    void aBudgetTooSmallRefusesGrowthAndLeavesNoReservation() throws InterruptedException {
        PoolConfig config = PoolConfig.builder().maxTotalPoolMemoryMb(2).maxEmbeddingsPerPool(1).initialPoolCapacity(1).build();
        try (MemoryPoolSystem system = MemoryPoolSystem.create(config)) {
            long reservedBefore = system.budget().reservedBytes();
            EmbeddingPool pool = system.createEmbeddingPool(new EmbeddingPoolSpec("over-budget", 1024, 64, 0, 100_000, 2.0));
            LongAdder refusals = new LongAdder();
            LongAdder acquired = new LongAdder();
            CountDownLatch allTried = new CountDownLatch(Campaign.THREADS);
            Campaign.onAllThreads(index -> {
                // Every thread holds its 50 embeddings of 4 KiB until all have tried: 12.5 MiB wanted.
                // A thread that fails still counts down, so the others do not wait for it for ever.
                List<Embedding> held = new ArrayList<>();
                try {
                    for (int i = 0; i < 50; i++) {
                        try {
                            held.add(pool.acquire());
                            acquired.increment();
                        } catch (BudgetExceededException e) {
                            refusals.increment();
                            assertTrue(e.getMessage().contains("over-budget"), "the message names who asked: " + e.getMessage());
                        }
                    }
                } finally {
                    allTried.countDown();
                }
                try {
                    assertTrue(allTried.await(2, TimeUnit.MINUTES), "some thread never finished trying");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while waiting for the others", e);
                } finally {
                    held.forEach(pool::release);
                }
            });
            assertTrue(refusals.sum() > 0, "a 2 MiB budget cannot hold 100 000 embeddings");
            assertTrue(system.budget().stats().peakReservedBytes() <= system.budget().limitBytes());
            assertEquals(0, pool.stats().inUse());
            assertEquals(acquired.sum(), pool.stats().freed());
            pool.close();
            assertEquals(reservedBefore, system.budget().reservedBytes(), "closing the pool gave back every slab");
            Campaign.TALLY.add(new CampaignTally.Row("embedding pool over a 2 MiB budget", Campaign.THREADS,
                    acquired.sum() + refusals.sum(), 0, refusals.sum(), 0, 0));
        }
    }
}

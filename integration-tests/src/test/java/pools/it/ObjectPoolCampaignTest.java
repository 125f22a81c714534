package pools.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pools.api.ForeignObjectException;
import pools.api.MemoryPoolSystem;
import pools.api.ObjectPool;
import pools.api.ObjectPoolSpec;
import pools.api.PoolConfig;
import pools.api.PoolExhaustedException;
import pools.api.PoolStats;
import pools.api.seed.GraphNode;
import pools.api.seed.SearchResult;

/**
 * Reliability campaign, object pools: the four built-in pools and a host pool smaller than the
 * thread count, under {@link Campaign#THREADS} platform and virtual threads that acquire (at once
 * or waiting), release and misuse (releasing objects the pool never made). Afterwards nothing was
 * held twice, nothing came back dirty, the stats equal what the threads counted, and draining the
 * pool to its max finds every object.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES) // -Pstress runs 20 times the rounds
class ObjectPoolCampaignTest {
    @AfterAll
    static void writeFigures() {
        Campaign.writeFigures();
    }

    @Test
    void objectPoolsUnderContentionLoseNothing() throws InterruptedException {
        PoolConfig config = PoolConfig.builder().maxTotalPoolMemoryMb(64).maxNodesPerPool(2_000)
                .maxSearchResultsPerPool(2_000).maxJsonObjectsPerPool(2_000).build();
        try (MemoryPoolSystem system = MemoryPoolSystem.create(config)) {
            // A pool smaller than the thread count, so exhaustion, timeouts and waits all happen.
            ObjectPool<StringBuilder> scarce = system.createPool(ObjectPoolSpec.builder("scarce", StringBuilder::new)
                    .reset(b -> b.setLength(0)).initialCapacity(4).maxCapacity(32).growthFactor(2.0).build());
            campaignOn(scarce, b -> b.length() == 0, b -> b.append("used"), StringBuilder::new);
            campaignOn(system.nodePool(), node -> true, node -> { }, GraphNode::new);
            campaignOn(system.searchResultPool(), result -> true, result -> { }, SearchResult::new);
            campaignOn(system.jsonObjectPool(), Map::isEmpty, map -> map.put("secret", 1), HashMap::new);
            campaignOn(system.jsonArrayPool(), List::isEmpty, list -> list.add("secret"), ArrayList::new);
        }
    }

    private <T> void campaignOn(ObjectPool<T> pool, Predicate<T> isClean, Consumer<T> use,
                                Supplier<? extends T> stranger) throws InterruptedException {
        Leases leases = new Leases();
        LongAdder acquired = new LongAdder();
        LongAdder refused = new LongAdder();
        LongAdder misuses = new LongAdder();
        LongAdder dirty = new LongAdder();
        Campaign.onAllThreads(index -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            List<T> held = new ArrayList<>(3);
            for (int i = 0; i < Campaign.ROUNDS; i++) {
                int choice = random.nextInt(100);
                if (choice < 2) {
                    assertThrows(ForeignObjectException.class, () -> pool.release(stranger.get()));
                    misuses.increment();
                } else if (held.size() < 3 && choice < 60) {
                    Optional<T> got = choice < 30 ? pool.tryAcquire() : acquireWaiting(pool);
                    if (got.isEmpty()) {
                        refused.increment();
                        continue;
                    }
                    T object = got.get();
                    acquired.increment();
                    leases.taken(object);
                    if (!isClean.test(object)) {
                        dirty.increment();
                    }
                    use.accept(object);
                    held.add(object);
                } else if (!held.isEmpty()) {
                    T object = held.removeLast();
                    leases.givenBack(object);
                    pool.release(object);
                }
            }
            for (T object : held) {
                leases.givenBack(object);
                pool.release(object);
            }
        });
        PoolStats stats = pool.stats();
        assertEquals(0, leases.duplicates(), "objects held by two threads at once");
        assertEquals(0, dirty.sum(), "objects handed out still carrying their last user's data");
        assertEquals(0, stats.inUse(), stats.toString());
        assertEquals(acquired.sum(), stats.allocated(), stats.toString());
        assertEquals(acquired.sum(), stats.freed(), stats.toString());
        assertEquals(refused.sum(), stats.refusals(), stats.toString());
        assertTrue(stats.capacity() <= stats.maxCapacity(), stats.toString());
        long lost = Campaign.lostAfterDraining(pool);
        assertEquals(0, lost, "objects the pool counts but cannot hand out");
        Campaign.TALLY.add(new CampaignTally.Row("object pool `" + stats.name() + "` (max " + stats.maxCapacity() + ")",
                Campaign.THREADS, (long) Campaign.THREADS * Campaign.ROUNDS, misuses.sum(), 0, lost, leases.duplicates()));
    }

    private static <T> Optional<T> acquireWaiting(ObjectPool<T> pool) {
        try {
            return Optional.of(pool.acquire(Duration.ofMillis(1)));
        } catch (PoolExhaustedException e) {
            return Optional.empty();
        }
    }

}

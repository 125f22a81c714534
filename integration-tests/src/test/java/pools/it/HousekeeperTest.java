package pools.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pools.api.Embedding;
import pools.api.EmbeddingPool;
import pools.api.EmbeddingPoolSpec;
import pools.api.IdlePolicy;
import pools.api.MemoryPoolSystem;
import pools.api.ObjectPool;
import pools.api.ObjectPoolSpec;
import pools.api.PoolConfig;

/**
 * The system's housekeeper trims the pools it created whose idle policy asks for it, on its own
 * daemon thread, and only starts that thread when some pool trims. Judged by what happened
 * (capacity given back), waiting up to a deadline; the clock-driven rules are unit-tested in
 * pools.fixed and pools.simd.
 */
@Timeout(60)
class HousekeeperTest {
    private static final String THREAD = "agrama-pools-housekeeper";

    @Test
    void idleObjectsAndSlabsOfHostPoolsAreGivenBackWithoutAnyCall() throws InterruptedException {
        try (MemoryPoolSystem system = MemoryPoolSystem.create(PoolConfig.defaults())) {
            IdlePolicy quick = IdlePolicy.after(Duration.ofMillis(100)).keepingAtLeast(0);
            ObjectPool<StringBuilder> objects = system.createPool(
                    ObjectPoolSpec.<StringBuilder>builder("idle-objects", StringBuilder::new).maxCapacity(64).idle(quick).build());
            EmbeddingPool embeddings = system.createEmbeddingPool(
                    new EmbeddingPoolSpec("idle-embeddings", 64, 64, 0, 4096, 2.0, quick));
            List<StringBuilder> held = new ArrayList<>();
            List<Embedding> vectors = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                held.add(objects.acquire());
                vectors.add(embeddings.acquire());
            }
            held.forEach(objects::release);
            vectors.forEach(embeddings::release);
            long reservedBefore = system.analytics().budget().reservedBytes();

            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while ((objects.stats().capacity() > 0 || embeddings.stats().capacity() > 0) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(0, objects.stats().capacity(), objects.stats()::toString);
            assertEquals(0, embeddings.stats().capacity(), embeddings.stats()::toString);
            assertTrue(objects.stats().trimmed() >= 40 && embeddings.stats().trimmed() >= 40);
            assertTrue(system.analytics().budget().reservedBytes() < reservedBefore, "slab bytes went back to the budget");
            assertFalse(housekeepers().isEmpty());
        }
    }

    @Test
    void aSystemWhosePoolsKeepTheirCapacityStartsNoThread() {
        Set<Thread> before = housekeepers();
        try (MemoryPoolSystem system = MemoryPoolSystem.create(PoolConfig.defaults())) {
            system.createPool(ObjectPoolSpec.builder("kept", Object::new).build());
            Set<Thread> started = housekeepers();
            started.removeAll(before);
            assertTrue(started.isEmpty(), "no pool trims, so no housekeeper thread: " + started);
        }
    }

    private static Set<Thread> housekeepers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals(THREAD) && thread.isAlive())
                .collect(Collectors.toCollection(HashSet::new));
    }
}

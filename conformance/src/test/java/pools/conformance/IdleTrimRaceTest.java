package pools.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pools.api.Embedding;
import pools.api.EmbeddingPool;
import pools.api.EmbeddingPoolSpec;
import pools.api.IdlePolicy;
import pools.api.ObjectPool;
import pools.api.ObjectPoolSpec;
import pools.api.PoolStats;
import pools.api.spi.PoolContext;
import pools.testkit.Workers;

/**
 * Idle trims racing acquire and release, on a clock that makes every trim end an idle period (so
 * trims happen as often as they can): nothing is handed out twice, a held embedding's memory is
 * never freed under it, every snapshot keeps its invariants, and once quiet the counts are exact.
 */
@Timeout(120)
class IdleTrimRaceTest {
    private static final int ROUNDS = 20_000 * Integer.getInteger("pools.lincheck.scale", 1);
    /** 4 KiB vectors: the 64 KiB minimum slab holds 16, so the pool grows in several slabs (16, 16, 32, 32). */
    private static final int DIMENSION = 1024;
    private final AtomicLong clock = new AtomicLong();
    /** Every read moves the clock past the timeout: each trimIdle call ends a period. */
    private final PoolContext context = Providers.context().withClock(() -> clock.addAndGet(Duration.ofSeconds(2).toNanos()));
    private final IdlePolicy trimEagerly = IdlePolicy.after(Duration.ofSeconds(1)).keepingAtLeast(0);

    @Test
    void objectPoolTrimsRacingAcquireAndRelease() throws Exception {
        try (ObjectPool<long[]> pool = Providers.objectPool().create(ObjectPoolSpec.<long[]>builder("trim-race", () -> new long[1])
                .maxCapacity(8).growthFactor(2.0).idle(trimEagerly).build(), context)) {
            race(pool, pool::tryAcquire, 3, (object, owner) -> {
                object[0] = owner;
                return object[0] == owner;
            });
            assertTrue(pool.stats().trimmed() > 0, "the race trimmed at least once: " + pool.stats());
        }
    }

    @Test
    void embeddingPoolTrimsRacingAcquireAndRelease() throws Exception {
        try (EmbeddingPool pool = Providers.embeddingPool().create(
                new EmbeddingPoolSpec("trim-race", DIMENSION, 32, 0, 96, 2.0, trimEagerly), context)) {
            race(pool, pool::tryAcquire, 16, (embedding, owner) -> {
                embedding.segment().set(ValueLayout.JAVA_FLOAT, 0, owner);
                return embedding.segment().get(ValueLayout.JAVA_FLOAT, 0) == owner;
            });
            assertTrue(pool.stats().trimmed() > 0, "the race trimmed at least once: " + pool.stats());
        }
    }

    interface Use<T> {
        /** Writes {@code owner} into the object and reads it back; false if someone else wrote meanwhile. */
        boolean exclusively(T object, long owner);
    }

    /** Three users each holding up to {@code maxHeldEach} at once, and a thread that trims and checks snapshots. */
    private <T> void race(ObjectPool<T> pool, Supplier<Optional<T>> tryAcquire, int maxHeldEach, Use<T> use)
            throws Exception {
        ConcurrentHashMap<Object, Long> held = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        List<String> broken = new ArrayList<>();
        AtomicLong acquired = new AtomicLong();
        Workers workers = new Workers();
        Thread trimmer = workers.start("trimmer", () -> {
            while (!stop.get()) {
                pool.trimIdle();
                broken.addAll(StatsInvariants.violations(pool.stats()));
            }
        });
        List<Thread> users = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            long owner = t + 1;
            SplittableRandom random = new SplittableRandom(owner);
            users.add(workers.start("user-" + t, () -> {
                List<T> mine = new ArrayList<>();
                for (int round = 0; round < ROUNDS; round++) {
                    if (mine.size() < maxHeldEach && random.nextInt(maxHeldEach + 1) >= mine.size()) {
                        Optional<T> object = tryAcquire.get();
                        if (object.isPresent()) {
                            Long previous = held.putIfAbsent(object.get(), owner);
                            assertEquals(null, previous, "handed out while another thread held it");
                            assertTrue(use.exclusively(object.get(), owner), "written by another holder");
                            mine.add(object.get());
                            acquired.incrementAndGet();
                        }
                    } else if (!mine.isEmpty()) {
                        T object = mine.removeLast();
                        assertTrue(use.exclusively(object, owner), "its memory changed while held");
                        held.remove(object);
                        pool.release(object);
                    }
                }
                for (T object : mine) {
                    held.remove(object);
                    pool.release(object);
                }
            }));
        }
        for (Thread user : users) {
            user.join(Duration.ofSeconds(90));
        }
        stop.set(true);
        trimmer.join(Duration.ofSeconds(10));
        workers.joinAll(Duration.ofSeconds(10));
        assertTrue(broken.isEmpty(), () -> "a snapshot broke an invariant: " + broken.subList(0, Math.min(3, broken.size())));
        PoolStats quiet = pool.stats();
        assertEquals(acquired.get(), quiet.allocated(), quiet::toString);
        assertEquals(acquired.get(), quiet.freed(), quiet::toString);
        assertEquals(0, quiet.inUse());
        assertEquals(quiet.created() - quiet.trimmed(), quiet.capacity(), "every object made is owned or trimmed: " + quiet);
    }
}

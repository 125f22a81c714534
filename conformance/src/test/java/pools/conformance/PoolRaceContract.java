package pools.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pools.api.ForeignObjectException;
import pools.api.ObjectPool;
import pools.api.PoolClosedException;
import pools.api.PoolStats;
import pools.testkit.Workers;

/**
 * The races every pool engine must survive, from issue 13's failing inputs: close racing
 * acquire and release, and stats snapshots taken while threads acquire, release and misuse.
 *
 * @param <T> the pooled type
 */
@Timeout(120)
abstract class PoolRaceContract<T> {

    /** A new pool of this engine named "contract"; its acquire does not wait unless asked to. */
    abstract ObjectPool<T> newPool(int initialCapacity, int maxCapacity);

    /** An object of the pooled type that no pool under test handed out. */
    abstract T foreignObject();

    /**
     * A max-2 pool, threads looping {@code release(acquire())}, {@code close()} after about 20 ms,
     * 100 rounds: each call racing the close completes or throws {@link PoolClosedException},
     * nothing else (it used to throw "never handed out" and "all 0 objects are in use").
     */
    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {2, 8})
    void callsRacingCloseCompleteOrThrowPoolClosed(int threads) throws Exception {
        for (int round = 0; round < 100; round++) {
            ObjectPool<T> pool = newPool(0, 2);
            CountDownLatch running = new CountDownLatch(threads);
            Workers workers = new Workers();
            for (int t = 0; t < threads; t++) {
                workers.start("cycler-" + t, () -> {
                    running.countDown();
                    try {
                        while (true) {
                            T object = pool.acquire(Duration.ofSeconds(5));
                            pool.release(object);
                        }
                    } catch (PoolClosedException expected) {
                        assertTrue(expected.getMessage().contains("'contract'"), expected.getMessage());
                    }
                });
            }
            assertTrue(running.await(10, TimeUnit.SECONDS));
            Thread.sleep(round % 5 == 0 ? 20 : 1);
            pool.close();
            workers.joinAll(Duration.ofSeconds(30));
            assertTrue(pool.stats().capacity() <= 2, "no growth past the max, before or after close: " + pool.stats());
        }
    }

    /**
     * 6 threads on a max-8 pool, each round a zero-wait acquire of 1 to 3 objects then their
     * release, about 1 round in 20 a release of a foreign object; a seventh thread checks every
     * snapshot's invariants meanwhile (one read {@code peakInUse=9} of {@code maxCapacity=8}), and
     * once quiet the counters are exact.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void everySnapshotKeepsTheInvariantsAndQuietCountsAreExact(long seed) throws Exception {
        try (ObjectPool<T> pool = newPool(0, 8)) {
            LongAdder acquired = new LongAdder();
            LongAdder refused = new LongAdder();
            AtomicBoolean stop = new AtomicBoolean();
            Workers workers = new Workers();
            List<String> broken = new ArrayList<>();
            Thread checker = workers.start("checker", () -> {
                while (!stop.get() && broken.isEmpty()) {
                    broken.addAll(StatsInvariants.violations(pool.stats()));
                }
            });
            List<Thread> cyclers = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                SplittableRandom random = new SplittableRandom(seed * 31 + t);
                cyclers.add(workers.start("cycler-" + t, () -> cycle(pool, random, acquired, refused)));
            }
            for (Thread cycler : cyclers) {
                cycler.join(Duration.ofSeconds(60));
            }
            stop.set(true);
            checker.join(Duration.ofSeconds(10));
            workers.joinAll(Duration.ofSeconds(10));
            assertTrue(broken.isEmpty(), () -> "a snapshot broke an invariant: " + broken);
            PoolStats quiet = pool.stats();
            assertEquals(acquired.sum(), quiet.allocated(), "every acquisition counted once: " + quiet);
            assertEquals(acquired.sum(), quiet.freed(), "every release counted once: " + quiet);
            assertEquals(refused.sum(), quiet.refusals(), "every refusal counted once: " + quiet);
            assertEquals(0, quiet.inUse());
            assertTrue(quiet.peakInUse() >= 1 && quiet.peakInUse() <= 8, quiet::toString);
        }
    }

    private void cycle(ObjectPool<T> pool, SplittableRandom random, LongAdder acquired, LongAdder refused) {
        List<T> held = new ArrayList<>(3);
        for (int round = 0; round < 3_000; round++) {
            int wanted = 1 + random.nextInt(3);
            for (int i = 0; i < wanted; i++) {
                Optional<T> object = pool.tryAcquire();
                if (object.isPresent()) {
                    held.add(object.get());
                    acquired.increment();
                } else {
                    refused.increment();
                }
            }
            held.forEach(pool::release);
            held.clear();
            if (random.nextInt(20) == 0) {
                try {
                    pool.release(foreignObject());
                    throw new AssertionError("a foreign release was accepted");
                } catch (ForeignObjectException expected) {
                    // misuse changes nothing; the quiet counts below check that
                }
            }
        }
    }
}

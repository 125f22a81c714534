package pools.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import pools.api.DoubleReleaseException;
import pools.api.ObjectPool;
import pools.api.ObjectPoolSpec;
import pools.api.PoolStats;
import pools.testkit.RecordingEvents;
import pools.testkit.Workers;
import pools.api.ReleaseCheck;

/**
 * Double releases across threads: a second release ordered after the first throws (at either
 * {@link ReleaseCheck}), and of several threads releasing one object at the same instant exactly
 * one wins under {@link ReleaseCheck#RACING}. The racers spin
 * rather than park before each round so that their releases overlap as closely as possible (a
 * release check made of a plain load and store fails this test within a few hundred rounds);
 * jcstress ({@code ObjectPoolRaces.DoubleRelease}) probes the same race harder.
 */
@Timeout(120)
class RacingReleaseTest {
    private static final int CAPACITY = 4;
    private static final int RACERS = 2;
    private static final int ROUNDS = 2_000 * Integer.getInteger("pools.stress.scale", 1);

    private final RecordingEvents events = new RecordingEvents();

    private ObjectPool<StringBuilder> pool(ReleaseCheck check) {
        return new FixedPoolProvider().create(ObjectPoolSpec.<StringBuilder>builder("racing", StringBuilder::new)
                .reset(builder -> builder.setLength(0)).initialCapacity(CAPACITY).maxCapacity(CAPACITY)
                .releaseCheck(check).build(),
                events.context(false));
    }

    /** A sequential double release is caught exactly at both check levels, also across threads. */
    @ParameterizedTest
    @EnumSource(ReleaseCheck.class)
    void aSecondReleaseOrderedAfterTheFirstOnAnotherThreadThrows(ReleaseCheck check) throws InterruptedException {
        ObjectPool<StringBuilder> pool = pool(check);
        StringBuilder object = pool.acquire();
        Workers releaser = new Workers();
        releaser.start("releaser", () -> pool.release(object));
        releaser.joinAll(Duration.ofSeconds(20));
        PoolStats before = pool.stats();
        assertThrows(DoubleReleaseException.class, () -> pool.release(object));
        assertEquals(before, pool.stats(), "the refused release changed nothing");
        assertEquals(CAPACITY, drain(pool).size(), "every object comes back once, none twice");
    }

    /** Racing double releases are arbitrated under the checked mode, {@link ReleaseCheck#RACING}. */
    @Test
    void exactlyOneOfRacingReleasesWins() throws InterruptedException, BrokenBarrierException {
        ObjectPool<StringBuilder> pool = pool(ReleaseCheck.RACING);
        AtomicInteger started = new AtomicInteger(-1);
        CyclicBarrier end = new CyclicBarrier(RACERS + 1);
        AtomicInteger won = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        StringBuilder[] current = new StringBuilder[1];
        Workers racers = new Workers();
        for (int r = 0; r < RACERS; r++) {
            racers.start("racer-" + r, () -> {
                try {
                    for (int round = 0; round < ROUNDS; round++) {
                        while (started.get() != round) {
                            Thread.onSpinWait();
                        }
                        try {
                            pool.release(current[0]);
                            won.incrementAndGet();
                        } catch (DoubleReleaseException e) {
                            refused.incrementAndGet();
                        }
                        end.await(30, TimeUnit.SECONDS);
                    }
                } catch (Throwable e) {
                    end.reset(); // breaks the barrier, so the test thread stops waiting and sees this failure
                    throw e;
                }
            });
        }
        for (int round = 0; round < ROUNDS; round++) {
            current[0] = pool.acquire().append(round);
            started.set(round);
            try {
                end.await(30, TimeUnit.SECONDS);
            } catch (BrokenBarrierException | TimeoutException e) {
                racers.rethrow();
                throw new AssertionError("the racers stopped in round " + round, e);
            }
            assertEquals(round + 1, won.get(), "exactly one release wins in round " + round);
        }
        racers.joinAll(Duration.ofSeconds(30));
        assertEquals(ROUNDS * (RACERS - 1), refused.get(), "every other release was refused");
        PoolStats stats = pool.stats();
        assertEquals(0, stats.inUse());
        assertEquals(ROUNDS, stats.freed());
        Set<StringBuilder> drained = drain(pool);
        assertEquals(CAPACITY, drained.size(), "no object sits twice in the free lists");
        assertTrue(drained.stream().allMatch(builder -> builder.isEmpty()), "every object was reset");
    }

    /**
     * Deterministically, under {@link ReleaseCheck#RACING}: a release that arrives while another
     * release of the same object is still resetting it is refused and changes nothing, and the
     * object is free once. (Under {@code SEQUENTIAL} the plain check lets both through, as
     * documented.)
     */
    @Test
    void underRacingAReleaseMeetingOneStillResettingIsRefused() throws InterruptedException {
        CountDownLatch resetting = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        ObjectPool<StringBuilder> pool = new FixedPoolProvider().create(ObjectPoolSpec.<StringBuilder>builder("racing", StringBuilder::new)
                .reset(builder -> {
                    if (first.getAndSet(false)) {
                        resetting.countDown();
                        awaitUninterruptibly(finish);
                    }
                    builder.setLength(0);
                }).initialCapacity(1).maxCapacity(1).releaseCheck(ReleaseCheck.RACING).build(),
                events.context(false));
        StringBuilder object = pool.acquire();
        Workers releaser = new Workers();
        releaser.start("first releaser", () -> pool.release(object));
        Workers.await(resetting, Duration.ofSeconds(20));
        PoolStats during = pool.stats();
        DoubleReleaseException refused = assertThrows(DoubleReleaseException.class, () -> pool.release(object));
        assertTrue(refused.getMessage().endsWith(" was released twice (it is already free here); release each acquired "
                + "object exactly once"), refused.getMessage());
        assertEquals(during, pool.stats(), "the refused release changed nothing");
        assertEquals(1, during.inUse(), "the first release is not counted before its reset ends");
        finish.countDown();
        releaser.joinAll(Duration.ofSeconds(20));
        assertEquals(1, pool.stats().freed());
        assertEquals(1, drain(pool).size(), "free once, not twice");
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            Workers.await(latch, Duration.ofSeconds(20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted in the reset", e);
        }
    }

    /** Every object the pool hands out before refusing, each checked to come once. */
    private static Set<StringBuilder> drain(ObjectPool<StringBuilder> pool) {
        Set<StringBuilder> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (StringBuilder next = pool.tryAcquire().orElse(null); next != null; next = pool.tryAcquire().orElse(null)) {
            assertTrue(seen.add(next), "handed out twice: " + next);
        }
        return seen;
    }
}

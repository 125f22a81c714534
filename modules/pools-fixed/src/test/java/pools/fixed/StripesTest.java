package pools.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pools.testkit.Workers;

/**
 * Which stripe a thread gets (its first probe, the next one, none when both are owned by live
 * threads, a dead owner's stripe taken over, none for a virtual thread) and the counters of
 * threads without one. Stripes are asked for other threads' stripes from the test thread, which
 * {@link Stripes#of} allows (the claim names the thread), so the probing is deterministic.
 */
@Timeout(60)
class StripesTest {
    private final Stripes stripes = new Stripes(() -> 100);
    private final int mask = stripes.table().length - 1;
    private final CountDownLatch finish = new CountDownLatch(1);
    private final Workers workers = new Workers();

    @AfterEach
    void stopThreads() throws InterruptedException {
        finish.countDown();
        workers.joinAll(Duration.ofSeconds(20));
    }

    /** A live platform thread (it waits for the test to end) whose id lands on stripe {@code home}. */
    private Thread liveThreadOn(int home) throws InterruptedException {
        while (true) {
            CountDownLatch running = new CountDownLatch(1);
            Thread thread = workers.start("owner", () -> {
                running.countDown();
                Workers.await(finish, Duration.ofSeconds(30));
            });
            Workers.await(running, Duration.ofSeconds(10));
            if (home(thread) == home) {
                return thread;
            }
        }
    }

    /** An unstarted platform thread (so not alive) whose id lands on stripe {@code home}. */
    private Thread deadThreadOn(int home) {
        while (true) {
            Thread thread = Thread.ofPlatform().unstarted(() -> { });
            if (home(thread) == home) {
                return thread;
            }
        }
    }

    private int home(Thread thread) {
        return (int) thread.threadId() & mask;
    }

    @Test
    void aThreadClaimsItsFirstProbeThenTheNextAndNoneWhenBothAreOwned() throws InterruptedException {
        Stripe[] table = stripes.table();
        Thread first = liveThreadOn(1);
        Thread second = liveThreadOn(1);
        Thread third = liveThreadOn(1);
        assertSame(table[1], stripes.of(first), "the stripe at the thread's id");
        assertSame(table[1], stripes.of(first), "found again, not claimed twice");
        assertSame(table[2 & mask], stripes.of(second), "its home is owned: the next stripe");
        assertSame(table[2 & mask], stripes.of(second), "found again at the second probe");
        assertNull(stripes.of(third), "both probed stripes are owned by live threads");
        assertSame(first, table[1].ownerAcquire());
        assertSame(second, table[2 & mask].ownerAcquire());
    }

    @Test
    void aDeadOwnersStripeIsTakenOverAndALiveOnesIsNot() throws InterruptedException {
        Stripe[] table = stripes.table();
        Thread dead = deadThreadOn(0);
        assertSame(table[0], stripes.of(dead));
        Thread heir = liveThreadOn(0);
        assertSame(table[0], stripes.of(heir), "the owner is not alive: its stripe is claimed");
        assertSame(heir, table[0].ownerAcquire());
        Thread late = liveThreadOn(0);
        assertSame(table[1], stripes.of(late), "a live owner keeps its stripe");
    }

    @Test
    void virtualThreadsHaveNoStripeAndCountInTheSharedCounters() {
        Thread virtual = Thread.ofVirtual().unstarted(() -> { });
        assertNull(stripes.of(virtual));
        for (Stripe stripe : stripes.table()) {
            assertNull(stripe.ownerAcquire(), "a virtual thread claims nothing");
        }
        stripes.countAcquired(null, true);
        stripes.countAcquired(null, false);
        stripes.countAcquired(null, true);
        stripes.countReleased(null);
        stripes.countRefusal(null);
        Stripes.Totals totals = stripes.totals();
        assertEquals(new Stripes.Totals(2, 1, 1, 1, 3), totals);
        assertEquals(3, stripes.acquiredSum());
        assertEquals(1, stripes.releasedSum());
        assertEquals(2, stripes.inUse());
    }

    @Test
    void eachStripeCountsItsOwnersOperations() {
        Stripe one = stripes.of(deadThreadOn(0));
        Stripe two = stripes.of(deadThreadOn(1));
        assertNotNull(one);
        assertNotSame(one, two);
        stripes.countAcquired(one, true);
        stripes.countAcquired(two, false);
        stripes.countRefusal(two);
        stripes.countReleased(one);
        assertEquals(1, one.acquiredOpaque());
        assertEquals(0, one.missesOpaque());
        assertEquals(1, one.releasedOpaque());
        assertEquals(0, one.refusalsOpaque());
        assertEquals(1, two.acquiredOpaque());
        assertEquals(1, two.missesOpaque());
        assertEquals(0, two.releasedOpaque());
        assertEquals(1, two.refusalsOpaque());
        assertEquals(new Stripes.Totals(1, 1, 1, 1, 2), stripes.totals());
    }

    /**
     * One stripe reaches a new peak while another holds objects: the limit it keeps is the peak
     * minus what the rest held when it summed, so its next acquisition sums again and raises the
     * peak, which stays after the release (read after it, so the read itself raises nothing).
     */
    @Test
    void aPeakReachedWhileAnotherStripeHoldsObjectsIsKept() {
        Stripe one = stripes.of(deadThreadOn(0));
        Stripe two = stripes.of(deadThreadOn(1));
        stripes.countAcquired(two, true);
        stripes.countAcquired(two, true);
        stripes.countAcquired(one, true);
        stripes.countAcquired(one, true);
        stripes.countReleased(one);
        assertEquals(new Stripes.Totals(4, 0, 1, 0, 4), stripes.totals(), "4 were held at once");
    }

    /** The peak is bounded by the capacity the pool has when it is raised. */
    @Test
    void thePeakNeverPassesTheCapacity() {
        Stripes small = new Stripes(() -> 2);
        for (int i = 0; i < 3; i++) {
            small.countAcquired(null, false);
        }
        assertEquals(3, small.inUse());
        small.countReleased(null);
        small.countReleased(null);
        assertEquals(new Stripes.Totals(0, 3, 2, 0, 2), small.totals());
    }

    /**
     * Threads take turns (issue 19's find): one stripe acquires and releases, which leaves it an
     * allowance of one; another stripe then takes that headroom, which voids the first stripe's
     * allowance, so the first stripe's next acquisition sums and raises the peak to 2. Everything
     * is released before the read, so the read cannot be what raised it.
     */
    @Test
    void aPeakReachedByStripesTakingTurnsIsKept() {
        Stripe one = stripes.of(deadThreadOn(0));
        Stripe two = stripes.of(deadThreadOn(1));
        stripes.countAcquired(one, false);
        stripes.countReleased(one);
        stripes.countAcquired(two, true);
        stripes.countAcquired(one, true);
        stripes.countReleased(one);
        stripes.countReleased(two);
        assertEquals(new Stripes.Totals(2, 1, 3, 0, 2), stripes.totals(), "2 were held at once");
    }

    /** A thread without a stripe that takes the headroom a stripe was promised voids the promise. */
    @Test
    void aThreadWithoutAStripeVoidsTheHeadroomItTakes() {
        Stripe one = stripes.of(deadThreadOn(0));
        stripes.countAcquired(one, false);
        stripes.countReleased(one);
        stripes.countAcquired(null, true);
        stripes.countAcquired(one, true);
        stripes.countReleased(null);
        stripes.countReleased(one);
        assertEquals(new Stripes.Totals(2, 1, 3, 0, 2), stripes.totals(), "2 were held at once");
    }

    /** A stripe whose allowance is valid acquires within it, and the peak stays where it was. */
    @Test
    void acquisitionsWithinTheHeadroomLeaveThePeak() {
        Stripe one = stripes.of(deadThreadOn(0));
        for (int i = 0; i < 3; i++) {
            stripes.countAcquired(one, false);
        }
        for (int i = 0; i < 3; i++) {
            stripes.countReleased(one);
        }
        for (int round = 0; round < 5; round++) {
            stripes.countAcquired(one, true);
            stripes.countAcquired(one, true);
            stripes.countReleased(one);
            stripes.countReleased(one);
        }
        assertEquals(new Stripes.Totals(10, 3, 13, 0, 3), stripes.totals());
    }
}

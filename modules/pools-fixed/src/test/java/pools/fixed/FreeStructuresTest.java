package pools.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pools.api.ObjectPool;
import pools.api.ObjectPoolSpec;
import pools.testkit.RecordingEvents;
import pools.testkit.Workers;

/**
 * Where free objects go and how they are found again: a platform thread's magazine (last
 * released, first out; full, the rest go to the shared queue), the queue for virtual threads, a
 * thread whose home stripe is owned by another live thread, and the queue's references to slots
 * that were claimed through another route meanwhile. Each step runs to its end before the next
 * starts, on the thread named, so the paths taken are fixed.
 */
@Timeout(60)
class FreeStructuresTest {
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private final RecordingEvents events = new RecordingEvents();

    private ObjectPool<StringBuilder> pool(int initial, int max) {
        return new FixedPoolProvider().create(ObjectPoolSpec.<StringBuilder>builder("free", StringBuilder::new)
                .initialCapacity(initial).maxCapacity(max).growthFactor(2.0).build(), events.context(false));
    }

    /** Runs {@code task} on a new virtual thread (which has no stripe) and waits for it. */
    private static void onVirtual(Workers.Task task) throws InterruptedException {
        Workers workers = new Workers();
        workers.startVirtual("virtual", task);
        workers.joinAll(DEADLINE);
    }

    @Test
    void aThreadGetsBackWhatItReleasedLastFirst() {
        ObjectPool<StringBuilder> pool = pool(0, 4);
        StringBuilder a = pool.acquire();
        StringBuilder b = pool.acquire();
        StringBuilder c = pool.acquire();
        pool.release(a);
        pool.release(c);
        pool.release(b);
        assertSame(b, pool.acquire());
        assertSame(c, pool.acquire());
        assertSame(a, pool.acquire());
    }

    @Test
    void moreThanAMagazineReleasedOnOneThreadAreAllFoundAgain() {
        int max = 3 * Stripe.SIZE;
        ObjectPool<StringBuilder> pool = pool(0, max);
        List<StringBuilder> held = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            held.add(pool.acquire());
        }
        held.forEach(pool::release);
        Set<StringBuilder> again = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < max; i++) {
            again.add(pool.tryAcquire().orElseThrow(() -> new AssertionError("an object released past the magazine is lost")));
        }
        assertEquals(max, again.size());
        assertEquals(max, pool.stats().created(), "nothing created again");
        assertTrue(pool.tryAcquire().isEmpty());
    }

    @Test
    void anObjectAVirtualThreadReleasedIsFoundInTheQueue() throws InterruptedException {
        ObjectPool<StringBuilder> pool = pool(1, 1);
        AtomicReference<StringBuilder> cycled = new AtomicReference<>();
        onVirtual(() -> {
            cycled.set(pool.acquire());
            pool.release(cycled.get());
        });
        assertSame(cycled.get(), pool.acquire());
        assertEquals(1, pool.stats().created());
    }

    /**
     * The test thread owns the stripe at its id; another platform thread whose id lands there too
     * must use a stripe of its own, so its release does not become the test thread's next acquire.
     */
    @Test
    void aThreadWhoseHomeStripeIsOwnedUsesAnother() throws InterruptedException {
        ObjectPool<StringBuilder> pool = pool(2, 2);
        StringBuilder mine = pool.acquire();
        StringBuilder given = pool.acquire();
        pool.release(mine);
        int mask = new Stripes(() -> 2).table().length - 1;
        long home = Thread.currentThread().threadId() & mask;
        Workers workers = new Workers();
        Thread neighbour;
        do {
            neighbour = workers.start("neighbour", () -> {
                if ((Thread.currentThread().threadId() & mask) == home) {
                    pool.release(given);
                }
            });
        } while ((neighbour.threadId() & mask) != home);
        workers.joinAll(DEADLINE);
        assertEquals(0, pool.stats().inUse(), "the neighbour released its object");
        assertSame(mine, pool.acquire(), "this thread's magazine still has its own object on top");
    }

    /**
     * Max 2 (a queue of 2 references): the queue keeps at most one reference per slot, and a poller
     * that finds its reference's slot claimed through a magazine skips it and clears the mark, so
     * that the slot's next release by a virtual thread queues it again.
     */
    @Test
    void theQueueHoldsOneReferencePerSlotAndSkipsClaimedOnes() throws InterruptedException {
        ObjectPool<StringBuilder> pool = pool(2, 2);
        StringBuilder s = pool.acquire();
        StringBuilder r = pool.acquire();
        pool.release(s);
        AtomicReference<StringBuilder> got = new AtomicReference<>();
        onVirtual(() -> {
            got.set(pool.acquire());
            pool.release(got.get());
        });
        assertSame(s, got.get(), "stolen from this thread's magazine, then queued");
        assertSame(s, pool.acquire(), "claimed from the magazine while the queue still refers to it");
        onVirtual(() -> pool.release(s));
        onVirtual(() -> pool.release(r));
        assertSame(s, pool.acquire(), "from the magazine again; the queue took r without overflowing");
        onVirtual(() -> got.set(pool.acquire()));
        assertSame(r, got.get(), "the stale reference to the held s was skipped");
        onVirtual(() -> pool.release(r));
        onVirtual(() -> pool.release(s));
        List<StringBuilder> both = new ArrayList<>();
        onVirtual(() -> {
            both.add(pool.acquire());
            both.add(pool.acquire());
        });
        assertEquals(List.of(r, s), both, "both queued, in release order");
        assertTrue(pool.tryAcquire().isEmpty(), "2 of 2 held");
        onVirtual(() -> pool.release(s));
        pool.release(r);
        assertSame(r, pool.acquire());
        assertSame(s, pool.acquire(), "s was queued again: the skipped reference's mark was cleared");
        assertEquals(2, pool.stats().created());
    }
}

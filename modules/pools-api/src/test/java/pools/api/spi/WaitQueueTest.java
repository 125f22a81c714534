package pools.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The shared wait queue: woken by a signal, not by its re-check; re-checks on its own; times out. */
@Timeout(30)
class WaitQueueTest {

    @Test
    void aSignalWakesTheFirstWaiterLongBeforeItsRecheck() throws Exception {
        WaitQueue queue = new WaitQueue("test pool", TimeUnit.HOURS.toNanos(1));
        AtomicReference<String> object = new AtomicReference<>();
        AtomicInteger attempts = new AtomicInteger();
        CompletableFuture<String> got = new CompletableFuture<>();
        Thread waiter = Thread.ofPlatform().start(() -> got.complete(queue.await(() -> {
            attempts.incrementAndGet();
            return object.get();
        }, TimeUnit.HOURS.toNanos(2))));
        awaitParked(waiter);
        assertTrue(queue.hasWaiters());
        object.set("released");
        queue.signalIfWaiting();
        assertEquals("released", got.get(10, TimeUnit.SECONDS), "only the signal could wake it: the re-check is an hour away");
        assertEquals(2, attempts.get(), "one attempt on arrival, one on the signal");
        waiter.join();
        assertFalse(queue.hasWaiters(), "a waiter leaves the queue with its object");
    }

    @Test
    void withoutASignalAWaiterStillFindsTheObjectAtItsRecheck() throws Exception {
        WaitQueue queue = new WaitQueue("test pool", TimeUnit.MILLISECONDS.toNanos(5));
        AtomicReference<String> object = new AtomicReference<>();
        CompletableFuture<String> got = new CompletableFuture<>();
        Thread waiter = Thread.ofPlatform().start(() -> got.complete(queue.await(object::get, TimeUnit.SECONDS.toNanos(20))));
        awaitParked(waiter);
        object.set("published, signal lost");
        assertEquals("published, signal lost", got.get(10, TimeUnit.SECONDS));
        waiter.join();
    }

    @Test
    void aWaitThatRunsOutReturnsNullAndLeavesTheQueue() {
        WaitQueue queue = new WaitQueue("test pool");
        long start = System.nanoTime();
        assertNull(queue.await(() -> null, Duration.ofMillis(20).toNanos()));
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(20).toNanos(), "it waited its time");
        assertFalse(queue.hasWaiters());
    }

    private static void awaitParked(Thread thread) throws InterruptedException {
        while (thread.getState() != Thread.State.TIMED_WAITING) {
            assertTrue(thread.isAlive(), "the waiter ended before it parked");
            Thread.sleep(1);
        }
    }
}

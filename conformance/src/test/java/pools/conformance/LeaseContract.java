package pools.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pools.api.DoubleReleaseException;
import pools.api.Lease;
import pools.api.ObjectPool;
import pools.api.PoolClosedException;
import pools.api.PoolExhaustedException;
import pools.api.PoolStats;

/**
 * The {@link Lease} contract of {@link ObjectPool#lease()}, run against every pool engine (through
 * {@link PoolContract}): a lease releases on close, a second close is detected and changes
 * nothing, a lease is confined to its thread, and a stale close cannot release another thread's
 * lease of the same object. That a lease allocates nothing is shown by JMH ({@code -prof gc}),
 * not here.
 *
 * @param <T> the pooled type
 */
@Timeout(60)
abstract class LeaseContract<T> extends PoolRaceContract<T> {

    @Test
    void aLeaseHandsOutAnObjectAndCloseReleasesIt() {
        try (ObjectPool<T> pool = newPool(1, 1)) {
            T object;
            try (Lease<T> lease = pool.lease()) {
                object = lease.get();
                assertSame(object, lease.get(), "the same object until closed");
                assertEquals(1, pool.stats().inUse());
            }
            PoolStats stats = pool.stats();
            assertEquals(0, stats.inUse());
            assertEquals(1, stats.freed());
            T again = pool.acquire();
            assertSame(object, again, "the closed lease's object is free again");
            pool.release(again);
        }
    }

    @Test
    void aSecondCloseIsDetectedAndChangesNothing() {
        try (ObjectPool<T> pool = newPool(1, 2)) {
            Lease<T> lease = pool.lease();
            lease.close();
            PoolStats before = pool.stats();
            assertThrows(DoubleReleaseException.class, lease::close);
            assertThrows(IllegalStateException.class, lease::get, "get after close");
            assertEquals(before, pool.stats(), "the second close changed no counter");
            T a = pool.acquire();
            T b = pool.acquire();
            assertTrue(a != b, "the object is free once, not twice");
            assertTrue(pool.tryAcquire().isEmpty());
            pool.release(a);
            pool.release(b);
        }
    }

    @Test
    void aLeaseIsConfinedToTheThreadThatTookIt() throws Exception {
        try (ObjectPool<T> pool = newPool(1, 1)) {
            Lease<T> lease = pool.lease();
            Throwable onGet = CompletableFuture.supplyAsync(() -> thrownBy(lease::get)).get(10, TimeUnit.SECONDS);
            Throwable onClose = CompletableFuture.supplyAsync(() -> thrownBy(lease::close)).get(10, TimeUnit.SECONDS);
            assertTrue(onGet instanceof WrongThreadException, "get from another thread: " + onGet);
            assertTrue(onClose instanceof WrongThreadException, "close from another thread: " + onClose);
            assertEquals(1, pool.stats().inUse(), "the other thread released nothing");
            lease.close();
            assertEquals(0, pool.stats().inUse());
        }
    }

    @Test
    void aStaleCloseCannotReleaseAnotherThreadsLeaseOfTheSameObject() throws Exception {
        try (ObjectPool<T> pool = newPool(1, 1)) {
            Lease<T> stale = pool.lease();
            T object = stale.get();
            stale.close();
            CountDownLatch leased = new CountDownLatch(1);
            CountDownLatch checked = new CountDownLatch(1);
            CompletableFuture<T> other = CompletableFuture.supplyAsync(() -> {
                try (Lease<T> lease = pool.lease()) {
                    leased.countDown();
                    await(checked);
                    return lease.get();
                }
            });
            assertTrue(leased.await(10, TimeUnit.SECONDS));
            assertThrows(WrongThreadException.class, stale::close, "the object is leased by another thread now");
            assertEquals(1, pool.stats().inUse(), "the stale close released nothing");
            checked.countDown();
            assertSame(object, other.get(10, TimeUnit.SECONDS), "max 1: the other thread leased the same object");
            assertEquals(0, pool.stats().inUse());
        }
    }

    @Test
    void leaseFailsAsAcquireDoesAndAfterClose() {
        ObjectPool<T> pool = newPool(1, 1);
        Lease<T> held = pool.lease();
        PoolExhaustedException full = assertThrows(PoolExhaustedException.class, pool::lease);
        assertTrue(full.getMessage().contains("'contract'"), full.getMessage());
        pool.close();
        assertThrows(PoolClosedException.class, pool::lease);
        assertThrows(PoolClosedException.class, held::close);
    }

    private static Throwable thrownBy(Runnable action) {
        try {
            action.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package pools.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import pools.api.DoubleReleaseException;
import pools.api.Lease;
import pools.api.ObjectPool;
import pools.api.ObjectPoolSpec;
import pools.api.PoolClosedException;
import pools.api.PoolStats;
import pools.api.ReleaseCheck;
import pools.testkit.RecordingEvents;
import pools.testkit.Workers;

/**
 * The slot as the lease: each misuse (wrong thread, a second close, get after close, close after
 * the pool closed, a stale lease after its object was handed out again) throws its exception with
 * the whole message, and changes no counter.
 */
@Timeout(60)
class LeaseTest {
    private final RecordingEvents events = new RecordingEvents();

    private ObjectPool<StringBuilder> pool(ReleaseCheck check) {
        return new FixedPoolProvider().create(ObjectPoolSpec.<StringBuilder>builder("leases", StringBuilder::new)
                .reset(builder -> builder.setLength(0)).initialCapacity(1).maxCapacity(1).releaseCheck(check).build(),
                events.context(false));
    }

    private static String describe(Object object) {
        return object.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(object));
    }

    @ParameterizedTest
    @EnumSource(ReleaseCheck.class)
    void closeReleasesAndASecondCloseOrGetIsRefusedByName(ReleaseCheck check) {
        ObjectPool<StringBuilder> pool = pool(check);
        Lease<StringBuilder> lease = pool.lease();
        StringBuilder object = lease.get().append("used");
        assertEquals("lease of pool 'leases'", lease.toString());
        lease.close();
        PoolStats closed = pool.stats();
        assertEquals(0, closed.inUse());
        assertEquals(1, closed.freed());
        assertEquals(0, object.length(), "closing reset the object");
        DoubleReleaseException twice = assertThrows(DoubleReleaseException.class, lease::close);
        assertEquals("pool 'leases': " + describe(object)
                + " lease closed twice (its object is already free here); close each lease once", twice.getMessage());
        IllegalStateException afterClose = assertThrows(IllegalStateException.class, lease::get);
        assertEquals("pool 'leases': lease of " + describe(object) + " is closed; use the object only inside its try block",
                afterClose.getMessage());
        assertEquals(closed, pool.stats(), "the refused close and get changed nothing");
        assertSame(object, pool.acquire(), "free once, handed out again");
    }

    @Test
    void anotherThreadCanNeitherGetNorCloseTheLease() throws InterruptedException {
        ObjectPool<StringBuilder> pool = pool(ReleaseCheck.SEQUENTIAL);
        Lease<StringBuilder> lease = pool.lease();
        StringBuilder object = lease.get();
        AtomicReference<String> other = new AtomicReference<>();
        AtomicReference<WrongThreadException> onGet = new AtomicReference<>();
        AtomicReference<WrongThreadException> onClose = new AtomicReference<>();
        Workers workers = new Workers();
        workers.start("other", () -> {
            other.set(Thread.currentThread().toString()); // while alive: a dead thread's string has no group
            onGet.set(assertThrows(WrongThreadException.class, lease::get));
            onClose.set(assertThrows(WrongThreadException.class, lease::close));
        });
        workers.joinAll(Duration.ofSeconds(20));
        String expected = "pool 'leases': lease of " + describe(object) + " used by " + other.get()
                + ", not the thread that took it (or it was closed and has been handed out since); a lease is "
                + "confined to its thread: hand objects between threads with acquire and release";
        assertEquals(expected, onGet.get().getMessage());
        assertEquals(expected, onClose.get().getMessage());
        assertEquals(1, pool.stats().inUse(), "the other thread released nothing");
        assertSame(object, lease.get(), "still usable on its own thread");
        lease.close();
        assertEquals(0, pool.stats().inUse());
    }

    @Test
    void aStaleLeaseIsRefusedOnceItsObjectWasAcquiredAgainOnTheSameThread() {
        ObjectPool<StringBuilder> pool = pool(ReleaseCheck.SEQUENTIAL);
        Lease<StringBuilder> stale = pool.lease();
        stale.close();
        StringBuilder object = pool.acquire();
        assertThrows(WrongThreadException.class, stale::get, "acquire, unlike lease, confines the object to no thread");
        assertThrows(WrongThreadException.class, stale::close);
        assertEquals(1, pool.stats().inUse(), "the stale close released nothing");
        pool.release(object);
        assertEquals(0, pool.stats().inUse());
    }

    @Test
    void aLeaseOfAClosedPoolCannotBeClosedAndKeepsItsObject() {
        ObjectPool<StringBuilder> pool = pool(ReleaseCheck.RACING);
        Lease<StringBuilder> lease = pool.lease();
        StringBuilder object = lease.get().append("kept");
        pool.close();
        PoolStats closed = pool.stats();
        assertEquals(1, closed.capacity(), "the leased object is still counted");
        PoolClosedException refused = assertThrows(PoolClosedException.class, lease::close);
        assertEquals("pool 'leases' is closed; acquire from a live pool", refused.getMessage());
        assertEquals(closed, pool.stats(), "nothing released after close");
        assertEquals("kept", object.toString(), "no reset ran");
        assertThrows(PoolClosedException.class, pool::lease);
    }
}

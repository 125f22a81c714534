package pools.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pools.api.DoubleReleaseException;
import pools.api.Embedding;
import pools.api.EmbeddingPoolSpec;
import pools.api.Lease;
import pools.api.MemoryBudget;
import pools.api.PoolConfig;
import pools.api.PoolExhaustedException;
import pools.api.spi.PoolContext;
import pools.testkit.RecordingEvents;
import pools.testkit.Workers;

/**
 * The embedding pool's lease, which is the block's own handle: what it hands out, what close
 * gives back, and each misuse (a second close, a get after close, another thread, a lease kept
 * after its block was handed out again), read from this module's own tests.
 */
@Timeout(60)
class EmbeddingLeaseTest {
    private static final PoolConfig CONFIG = PoolConfig.builder().maxTotalPoolMemoryMb(64).build();

    private final SlabEmbeddingPool pool = (SlabEmbeddingPool) new SimdEmbeddingPoolProvider().create(
            new EmbeddingPoolSpec("lease", 8, 32, 2, 2, 2.0),
            new PoolContext(CONFIG, MemoryBudget.withLimit(CONFIG.budget().maxTotalPoolMemoryBytes()), new RecordingEvents()));

    @AfterEach
    void closePool() {
        pool.close();
    }

    @Test
    void aLeaseIsTheBlocksHandleAndCloseReleasesIt() {
        Lease<Embedding> lease = pool.lease();
        Embedding embedding = lease.get();
        assertSame(lease, embedding, "the handle is the lease: nothing else was allocated");
        embedding.set(3, 2.5f);
        assertEquals(1, pool.stats().inUse());
        lease.close();
        assertEquals(0, pool.stats().inUse());
        assertEquals(1, pool.stats().freed());
        assertEquals(0f, pool.acquire().get(3), "zeroed on release, as any release");
    }

    @Test
    void aSecondCloseAndAGetAfterCloseAreRefused() {
        Lease<Embedding> lease = pool.lease();
        lease.close();
        DoubleReleaseException twice = assertThrows(DoubleReleaseException.class, lease::close);
        assertEquals(0, pool.stats().inUse(), twice.getMessage());
        IllegalStateException closed = assertThrows(IllegalStateException.class, lease::get);
        assertEquals("lease of " + lease + " is closed; use the embedding only inside its try block", closed.getMessage());
    }

    @Test
    void anotherThreadCannotUseOrCloseTheLease() throws InterruptedException {
        Lease<Embedding> lease = pool.lease();
        AtomicReference<Throwable> onGet = new AtomicReference<>();
        AtomicReference<Throwable> onClose = new AtomicReference<>();
        Workers other = new Workers();
        other.start("other", () -> {
            onGet.set(assertThrows(WrongThreadException.class, lease::get));
            onClose.set(assertThrows(WrongThreadException.class, lease::close));
        });
        other.joinAll(Duration.ofSeconds(20));
        assertEquals(WrongThreadException.class, onGet.get().getClass());
        assertEquals(WrongThreadException.class, onClose.get().getClass());
        assertEquals(1, pool.stats().inUse(), "the refused close released nothing");
        lease.close();
        assertEquals(0, pool.stats().inUse());
    }

    @Test
    void aLeaseKeptAfterItsBlockWasAcquiredAgainIsRefused() {
        Lease<Embedding> stale = pool.lease();
        stale.close();
        Embedding again = pool.acquire();
        assertSame(stale, again, "the last block released is the next one taken");
        assertThrows(WrongThreadException.class, stale::get, "acquired since, not leased: the old lease is void");
        assertThrows(WrongThreadException.class, stale::close);
        assertEquals(1, pool.stats().inUse());
        pool.release(again);
    }

    @Test
    void leaseFailsAsAcquireDoes() {
        Lease<Embedding> first = pool.lease();
        Lease<Embedding> second = pool.lease();
        assertThrows(PoolExhaustedException.class, pool::lease);
        first.close();
        second.close();
        assertEquals(2, pool.stats().freed());
    }
}

package pools.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pools.api.ObjectPool;
import pools.api.ObjectPoolSpec;
import pools.api.PoolStats;
import pools.testkit.Workers;

/**
 * The pool contract against the shipped object pool engine ("fixed"), plus what only a pool
 * with a factory can show: no false exhaustion while another thread's growth step is creating.
 */
@Timeout(60)
class FixedPoolContractTest extends PoolContract<Object> {

    @Override
    ObjectPool<Object> newPool(int initialCapacity, int maxCapacity) {
        return pool(initialCapacity, maxCapacity, 2.0, Object::new);
    }

    @Override
    Object foreignObject() {
        return new Object();
    }

    private static ObjectPool<Object> pool(int initial, int max, double growth, Supplier<Object> factory) {
        return Providers.objectPool().create(ObjectPoolSpec.builder("contract", factory)
                .initialCapacity(initial).maxCapacity(max).growthFactor(growth).build(), Providers.context());
    }

    /** A factory whose call number {@code blockedCall} waits until {@link #open} is counted down. */
    private static final class BlockingFactory implements Supplier<Object> {
        final AtomicInteger calls = new AtomicInteger();
        final CountDownLatch blocked = new CountDownLatch(1);
        final CountDownLatch open = new CountDownLatch(1);
        private final int blockedCall;

        BlockingFactory(int blockedCall) {
            this.blockedCall = blockedCall;
        }

        @Override
        public Object get() {
            if (calls.incrementAndGet() == blockedCall) {
                blocked.countDown();
                try {
                    assertTrue(open.await(30, TimeUnit.SECONDS), "the test never opened the factory");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return new Object();
        }
    }

    /**
     * Issue 13's smallest input: initial 1, max 3, growth 3.0, the factory blocking on its 3rd
     * call (the pre-created object of the 1 to 3 step). With one object held and a growth step
     * stuck in the factory, tryAcquire must still get an object: at most 2 of 3 are held.
     */
    @Test
    void noFalseExhaustionWhileAnotherThreadGrowsThePool() throws Exception {
        BlockingFactory factory = new BlockingFactory(3);
        try (ObjectPool<Object> pool = pool(1, 3, 3.0, factory)) {
            pool.acquire();
            Workers workers = new Workers();
            workers.start("grower", pool::acquire);
            assertTrue(factory.blocked.await(10, TimeUnit.SECONDS), "the growth step reached the factory");
            assertTrue(pool.tryAcquire().isPresent(), "below the max with nothing free, the pool creates");
            assertTrue(pool.tryAcquire().isEmpty(), "now 3 of 3 are held");
            factory.open.countDown();
            workers.joinAll(Duration.ofSeconds(10));
            PoolStats stats = pool.stats();
            assertEquals(3, stats.capacity(), "the stuck pre-created object was dropped, its unit taken over: " + stats);
            assertEquals(3, stats.created());
            assertEquals(3, stats.inUse());
        }
    }

    /**
     * The default shape (initial 16, growth 1.5, max 24): 16 held, a 17th acquire whose 16 to 24
     * step is stuck pre-creating; an acquire must not throw "all 24 objects are in use".
     */
    @Test
    void noFalseExhaustionDuringTheDefaultShapesGrowthStep() throws Exception {
        BlockingFactory factory = new BlockingFactory(18);
        try (ObjectPool<Object> pool = pool(16, 24, 1.5, factory)) {
            List<Object> held = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                held.add(pool.acquire());
            }
            Workers workers = new Workers();
            workers.start("grower", pool::acquire);
            assertTrue(factory.blocked.await(10, TimeUnit.SECONDS), "the growth step reached the factory");
            for (int i = 0; i < 7; i++) {
                held.add(pool.acquire());
            }
            factory.open.countDown();
            workers.joinAll(Duration.ofSeconds(10));
            assertEquals(24, pool.stats().inUse(), pool.stats()::toString);
            assertTrue(pool.tryAcquire().isEmpty(), "24 of 24 held");
        }
    }
}

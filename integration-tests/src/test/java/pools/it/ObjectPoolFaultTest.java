package pools.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pools.api.MemoryPoolSystem;
import pools.api.ObjectPool;
import pools.api.ObjectPoolSpec;
import pools.api.PoolConfig;
import pools.api.PoolStats;

/** Faults in a spec's factory or reset action: the caller sees the fault, the pool stays consistent. */
@Timeout(value = 15, unit = TimeUnit.MINUTES) // -Pstress runs 20 times the rounds
class ObjectPoolFaultTest {
    private final MemoryPoolSystem system = MemoryPoolSystem.create(PoolConfig.builder().maxTotalPoolMemoryMb(16).build());
    private final AtomicBoolean factoryFails = new AtomicBoolean();
    private final AtomicBoolean resetFails = new AtomicBoolean();

    @AfterEach
    void close() {
        system.close();
    }

    private ObjectPool<StringBuilder> pool(int initial) {
        return system.createPool(ObjectPoolSpec.<StringBuilder>builder("faulty", () -> {
            if (factoryFails.get()) {
                throw new IllegalStateException("injected factory fault");
            }
            return new StringBuilder();
        }).reset(builder -> {
            if (resetFails.get()) {
                throw new IllegalArgumentException("injected reset fault");
            }
            builder.setLength(0);
        }).initialCapacity(initial).maxCapacity(2).build());
    }

    @Test
    void aFactoryFaultFailsThatAcquireAndChangesNoCounter() {
        ObjectPool<StringBuilder> pool = pool(0);
        factoryFails.set(true);
        PoolStats before = pool.stats();
        assertEquals("injected factory fault", assertThrows(IllegalStateException.class, pool::acquire).getMessage());
        assertEquals(before, pool.stats());
        factoryFails.set(false);
        StringBuilder builder = pool.acquire();
        assertEquals(1, pool.stats().misses());
        assertEquals(1, pool.stats().inUse());
        pool.release(builder);
    }

    @Test
    void aFactoryReturningNullIsReportedAndChangesNoCounter() {
        ObjectPool<Object> pool = system.createPool(ObjectPoolSpec.builder("nulls", () -> null).maxCapacity(2).build());
        PoolStats before = pool.stats();
        assertThrows(NullPointerException.class, pool::acquire);
        assertEquals(before, pool.stats());
    }

    @Test
    void aResetFaultDropsTheObjectAndAReplacementIsCreated() {
        ObjectPool<StringBuilder> pool = pool(1);
        StringBuilder first = pool.acquire();
        first.append("secret");
        resetFails.set(true);
        assertEquals("injected reset fault", assertThrows(IllegalArgumentException.class, () -> pool.release(first)).getMessage());
        PoolStats afterFault = pool.stats();
        assertEquals(1, afterFault.freed(), "the release is counted");
        assertEquals(0, afterFault.inUse());
        assertEquals(0, afterFault.capacity(), "the object that may hold data is dropped");
        resetFails.set(false);
        StringBuilder second = pool.acquire();
        assertNotSame(first, second, "the dropped object never comes back");
        assertEquals(0, second.length());
        pool.release(second);
        assertSame(second, pool.acquire());
    }
}

package pools.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pools.api.ObjectPool;
import pools.api.ObjectPoolSpec;
import pools.api.PoolExhaustedException;
import pools.api.PoolStats;
import pools.testkit.RecordingEvents;

/**
 * Platform and virtual threads (far more than cores, and more than the pool's max) acquire,
 * hold and release at random. Each object records its holder: taking one that someone holds, or
 * giving back one that someone else took, fails the test. At the end every counter is exact and
 * every object is back in the pool.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES) // -Pstress runs 20 times the rounds
class FixedPoolStressTest {
    private static final int SCALE = Integer.getInteger("pools.stress.scale", 1);
    private static final int MAX = 48;

    /** A pooled object that knows who holds it. */
    static final class Item {
        final AtomicReference<Thread> holder = new AtomicReference<>();
        long uses;
    }

    @Test
    void noObjectIsHeldTwiceAndEverythingIsAccountedFor() throws InterruptedException {
        AtomicLong created = new AtomicLong();
        RecordingEvents events = new RecordingEvents();
        ObjectPool<Item> pool = new FixedPoolProvider().create(ObjectPoolSpec.<Item>builder("stress", () -> {
            created.incrementAndGet();
            return new Item();
        }).reset(item -> item.uses = 0).initialCapacity(4).maxCapacity(MAX).growthFactor(1.5).build(),
                events.context(false));
        AtomicLong acquired = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 1016; t++) {
            int rounds = (t < 16 ? 12_000 : 200) * SCALE;
            Thread.Builder builder = t < 16 ? Thread.ofPlatform() : Thread.ofVirtual();
            threads.add(builder.unstarted(() -> {
                try {
                    work(pool, rounds, acquired, refused);
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        long start = System.nanoTime();
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(failures.isEmpty(), () -> "failures: " + failures.peek());

        PoolStats stats = pool.stats();
        assertEquals(acquired.get(), stats.allocated(), "every acquisition counted once");
        assertEquals(acquired.get(), stats.freed(), "every release counted once");
        assertEquals(refused.get(), stats.refusals(), "every refusal counted once");
        assertEquals(0, stats.inUse());
        assertEquals(stats.created(), stats.capacity(), "nothing was dropped: the capacity is every object kept");
        assertTrue(stats.created() <= created.get(), "the factory made every object kept, and maybe a pre-created"
                + " one dropped because a racing acquisition took its unit over");
        assertTrue(stats.misses() >= events.grown.size(), "each growth step is a miss; so is each unit taken over");
        assertTrue(stats.created() - 4 >= events.grown.stream().mapToLong(FixedPoolStressTest::grownBy).sum(),
                "growth events count what each step made; units taken over are made outside them");
        assertEquals(events.exhausted.size(), stats.refusals(), "one exhausted event per refusal");
        assertTrue(stats.capacity() <= MAX, stats::toString);
        assertTrue(stats.peakInUse() <= MAX && stats.peakInUse() > 0, stats::toString);

        Set<Item> back = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Optional<Item> item = pool.tryAcquire(); item.isPresent(); item = pool.tryAcquire()) {
            assertTrue(back.add(item.get()), "handed out twice while held");
            assertEquals(null, item.get().holder.get(), "nobody holds a free object");
            if (back.size() == stats.capacity()) {
                break;
            }
        }
        assertEquals(stats.capacity(), back.size(), "every object is back in the pool");
        assertEquals(stats.misses(), pool.stats().misses(), "getting them all back created nothing");
        assertTrue(millis < 20_000L * SCALE, "took " + millis + " ms");
    }

    private static long grownBy(String step) {
        String[] fromTo = step.split("->");
        return Long.parseLong(fromTo[1]) - Long.parseLong(fromTo[0]);
    }

    private static void work(ObjectPool<Item> pool, int rounds, AtomicLong acquired, AtomicLong refused) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Thread me = Thread.currentThread();
        List<Item> held = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            if (held.size() < 3 && random.nextInt(3) != 0) {
                Item item = take(pool, random.nextInt(4), refused);
                if (item != null) {
                    acquired.incrementAndGet();
                    if (!item.holder.compareAndSet(null, me)) {
                        throw new AssertionError("handed out while " + item.holder.get() + " holds it");
                    }
                    if (item.uses != 0) {
                        throw new AssertionError("not reset");
                    }
                    item.uses++;
                    held.add(item);
                }
            } else if (!held.isEmpty()) {
                Item item = held.remove(random.nextInt(held.size()));
                if (!item.holder.compareAndSet(me, null)) {
                    throw new AssertionError("released while " + item.holder.get() + " holds it");
                }
                pool.release(item);
            }
        }
        for (Item item : held) {
            item.holder.set(null);
            pool.release(item);
        }
    }

    private static Item take(ObjectPool<Item> pool, int how, AtomicLong refused) {
        try {
            return switch (how) {
                case 0 -> pool.acquire();
                case 1 -> pool.acquire(Duration.ofMillis(2));
                default -> pool.tryAcquire().orElseGet(() -> {
                    refused.incrementAndGet();
                    return null;
                });
            };
        } catch (PoolExhaustedException e) {
            refused.incrementAndGet();
            return null;
        }
    }
}

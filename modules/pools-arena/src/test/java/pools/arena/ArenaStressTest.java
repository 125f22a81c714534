package pools.arena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import pools.api.ArenaKind;
import pools.api.ArenaStats;
import pools.api.BudgetExceededException;
import pools.api.MemoryBudget;
import pools.api.ScopedArena;
import pools.api.spi.PoolContext;
import pools.api.spi.PoolEvents;

/**
 * Many platform and virtual threads acquire confined and shared arenas, fill every allocation
 * with a pattern unique to (thread, iteration), verify it before closing, and close. Two arenas
 * holding one page at once would overwrite each other's pattern. A sampler checks that the
 * budget is never overrun; at the end every page is back and every byte accounted for.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES) // -Pstress runs 20 times the rounds
class ArenaStressTest {
    private static final int SCALE = Integer.getInteger("pools.stress.scale", 1);
    private static final int PLATFORM_THREADS = 6;
    private static final int VIRTUAL_THREADS = 18;
    private static final int ITERATIONS = 150 * SCALE;
    private static final long BUDGET = 2L << 20;

    @ParameterizedTest
    @EnumSource(StaleSegmentCheck.class)
    void arenasNeverShareMemoryAndEveryPageComesBack(StaleSegmentCheck check) throws Exception {
        MemoryBudget budget = MemoryBudget.withLimit(BUDGET);
        PooledArenaManager manager = new PooledArenaManager(
                new PoolContext(TestManagers.config().arenaIdleRetainBytes(BUDGET / 4).build(), budget, PoolEvents.NONE), check);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicLong refusals = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = Thread.ofPlatform().start(() -> {
            while (running.get()) {
                long reserved = budget.reservedBytes();
                if (reserved > BUDGET) {
                    failures.add(new AssertionError("budget overrun: " + reserved));
                }
                Thread.onSpinWait();
            }
        });
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < PLATFORM_THREADS + VIRTUAL_THREADS; t++) {
            int id = t;
            Runnable work = () -> {
                try {
                    start.await();
                    for (int i = 0; i < ITERATIONS; i++) {
                        oneOperation(manager, id, i, refusals);
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            };
            workers.add(t < PLATFORM_THREADS ? Thread.ofPlatform().start(work) : Thread.ofVirtual().start(work));
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        running.set(false);
        sampler.join();

        assertTrue(failures.isEmpty(), () -> failures.size() + " failures, first: " + failures.peek());
        ArenaStats stats = manager.stats();
        long ops = (long) (PLATFORM_THREADS + VIRTUAL_THREADS) * ITERATIONS;
        assertEquals(ops, stats.acquisitions());
        assertEquals(0, stats.activeArenas());
        assertEquals(0, stats.pagesInUse(), "every page came back: " + stats);
        assertEquals(budget.reservedBytes(), stats.reservedBytes(), "the manager's reservation is the budget's");
        assertTrue(refusals.get() < ops / 2, "the budget refused most operations: " + refusals.get());
        manager.close();
        assertEquals(0, budget.reservedBytes(), "closing the manager freed every page");
    }

    private static void oneOperation(PooledArenaManager manager, int thread, int iteration, AtomicLong refusals)
            throws InterruptedException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        ArenaKind kind = ArenaKind.values()[random.nextInt(3)];
        boolean shared = random.nextInt(8) == 0;
        long pattern = ((long) thread << 32) | iteration;
        try (ScopedArena arena = shared ? manager.acquireShared(kind) : manager.acquire(kind)) {
            List<MemorySegment> mine = new ArrayList<>();
            try {
                fill(arena, mine, pattern, 1 + random.nextInt(12));
                if (shared) {
                    List<MemorySegment> theirs = new ArrayList<>();
                    long helperPattern = ~pattern;
                    AtomicReference<Throwable> helperFailure = new AtomicReference<>();
                    Thread helper = Thread.ofVirtual().start(() -> {
                        try {
                            fill(arena, theirs, helperPattern, 6);
                        } catch (BudgetExceededException e) {
                            refusals.incrementAndGet();
                        } catch (Throwable e) {
                            helperFailure.set(e);
                        }
                    });
                    try {
                        fill(arena, mine, pattern, 6);
                    } finally {
                        // The arena closes when this block ends: the helper must be done with it first.
                        helper.join();
                    }
                    if (helperFailure.get() != null) {
                        throw new AssertionError("the helper thread sharing the arena failed", helperFailure.get());
                    }
                    verify(theirs, helperPattern);
                }
            } catch (BudgetExceededException e) {
                refusals.incrementAndGet();
            }
            Thread.yield();
            verify(mine, pattern);
        }
    }

    private static void fill(ScopedArena arena, List<MemorySegment> into, long pattern, int count) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int k = 0; k < count; k++) {
            int size = random.nextInt(20) == 0 ? TestManagers.MEDIUM + random.nextInt(TestManagers.LARGE)
                    : 8 * (1 + random.nextInt(400));
            MemorySegment s = arena.allocate(size & ~7L, 8);
            for (long off = 0; off < s.byteSize(); off += 8) {
                s.set(ValueLayout.JAVA_LONG, off, pattern);
            }
            into.add(s);
        }
    }

    private static void verify(List<MemorySegment> segments, long pattern) {
        for (MemorySegment s : segments) {
            for (long off = 0; off < s.byteSize(); off += 8) {
                long seen = s.get(ValueLayout.JAVA_LONG, off);
                if (seen != pattern) {
                    throw new AssertionError("cross-talk: expected " + Long.toHexString(pattern) + " at " + off
                            + " of a " + s.byteSize() + "-byte allocation, found " + Long.toHexString(seen));
                }
            }
        }
    }
}

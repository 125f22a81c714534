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
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import pools.api.ArenaKind;
import pools.api.ArenaStats;
import pools.api.ScopedArena;

/**
 * Many threads in a checked mode: every allocation starts zeroed (pages move between threads,
 * so a missed zeroing at close would show another thread's pattern), holds its own pattern
 * until close, and every segment kept past close (by its thread, or handed to another one)
 * fails instead of reading anything.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES) // -Pstress runs 20 times the rounds
class CheckedArenaStressTest {
    private static final int SCALE = Integer.getInteger("pools.stress.scale", 1);
    private static final int THREADS = 8;
    private static final int ITERATIONS = 300 * SCALE;

    @ParameterizedTest
    @EnumSource(value = StaleSegmentCheck.class, names = {"RESCOPED", "PER_ALLOCATION"})
    void noCrossTalkNoStaleAccessAndEveryAllocationZeroed(StaleSegmentCheck check) throws Exception {
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<MemorySegment> handedOver = new ConcurrentLinkedQueue<>();
        AtomicLong staleAttempts = new AtomicLong();
        try (PooledArenaManager manager = TestManagers.manager(check, TestManagers.config().arenaIdleRetainBytes(64 << 10).build())) {
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int id = t;
                workers.add(Thread.ofPlatform().start(() -> {
                    try {
                        start.await();
                        for (int i = 0; i < ITERATIONS; i++) {
                            MemorySegment stale = oneAcquisition(manager, ((long) id << 32) | i);
                            expectStale(stale, staleAttempts);
                            handedOver.add(stale);
                            MemorySegment someoneElses = handedOver.poll();
                            if (someoneElses != null) {
                                expectStale(someoneElses, staleAttempts);
                            }
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }));
            }
            start.countDown();
            for (Thread worker : workers) {
                worker.join();
            }
            assertTrue(failures.isEmpty(), () -> failures.size() + " failures, first: " + failures.peek());
            assertTrue(staleAttempts.get() >= (long) THREADS * ITERATIONS, "stale accesses tried: " + staleAttempts);
            ArenaStats stats = manager.stats();
            assertEquals((long) THREADS * ITERATIONS, stats.acquisitions());
            assertEquals(0, stats.activeArenas());
            assertEquals(0, stats.pagesInUse(), "every page came back: " + stats);
        }
    }

    /** One acquisition: allocations checked zero, filled, checked again before close; returns one of them. */
    private static MemorySegment oneAcquisition(PooledArenaManager manager, long pattern) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        boolean shared = random.nextInt(4) == 0;
        List<MemorySegment> mine = new ArrayList<>();
        try (ScopedArena arena = shared ? manager.acquireShared(ArenaKind.JSON) : manager.acquire(ArenaKind.JSON)) {
            for (int k = 1 + random.nextInt(10); k > 0; k--) {
                long size = random.nextInt(16) == 0 ? TestManagers.MEDIUM + random.nextInt(TestManagers.MEDIUM)
                        : 8L * (1 + random.nextInt(200));
                MemorySegment s = arena.allocate(size, 1L << random.nextInt(8));
                for (long off = 0; off + 8 <= size; off += 8) {
                    long seen = s.get(ValueLayout.JAVA_LONG_UNALIGNED, off);
                    if (seen != 0) {
                        throw new AssertionError("not zeroed: " + Long.toHexString(seen) + " at " + off + " of " + size);
                    }
                    s.set(ValueLayout.JAVA_LONG_UNALIGNED, off, pattern);
                }
                mine.add(s);
            }
            for (MemorySegment s : mine) {
                for (long off = 0; off + 8 <= s.byteSize(); off += 8) {
                    long seen = s.get(ValueLayout.JAVA_LONG_UNALIGNED, off);
                    if (seen != pattern) {
                        throw new AssertionError("cross-talk: " + Long.toHexString(seen) + " instead of "
                                + Long.toHexString(pattern) + " at " + off);
                    }
                }
            }
        }
        return mine.get(random.nextInt(mine.size()));
    }

    /** A segment of a closed acquisition must throw on read and on write, on any thread. */
    private static void expectStale(MemorySegment stale, AtomicLong attempts) {
        attempts.incrementAndGet();
        try {
            long seen = stale.get(ValueLayout.JAVA_BYTE, 0);
            throw new AssertionError("a stale segment was read: " + seen);
        } catch (IllegalStateException | WrongThreadException expected) {
            // a closed scope (IllegalStateException), or a confined one read from another thread
        }
        try {
            stale.set(ValueLayout.JAVA_BYTE, 0, (byte) 1);
            throw new AssertionError("a stale segment was written");
        } catch (IllegalStateException | WrongThreadException expected) {
            // as above
        }
    }
}

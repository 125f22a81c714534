package pools.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pools.api.ArenaKind;
import pools.api.ArenaManager;
import pools.api.ArenaSafety;
import pools.api.ArenaStats;
import pools.api.MemoryPoolSystem;
import pools.api.PoolClosedException;
import pools.api.PoolConfig;
import pools.api.ScopedArena;

/**
 * Reliability campaign, arenas: threads take confined and shared arenas of every kind, fill each
 * allocation with their own tag and check every byte before closing, so a page handed to two
 * arenas at once shows up as a corrupted allocation. Misuse: allocating after close, closing
 * twice, negative sizes, alignments that are not powers of two. A sampler checks the budget is
 * never overrun; at the end every page is back and the budget holds only what the manager keeps.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES) // -Pstress runs 20 times the rounds
class ArenaCampaignTest {
    private static final int ARENAS_PER_THREAD = 250 * Campaign.SCALE;

    @AfterAll
    static void writeFigures() {
        Campaign.writeFigures();
    }

    @Test
    void arenasNeverShareMemoryAndGiveEveryPageBack() throws InterruptedException {
        PoolConfig config = PoolConfig.builder().maxTotalPoolMemoryMb(256).initialPoolCapacity(1).arenaSafety(ArenaSafety.CHECKED).build();
        try (MemoryPoolSystem system = MemoryPoolSystem.create(config)) {
            ArenaManager arenas = system.arenas();
            long limit = system.budget().limitBytes();
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong worstReserved = new AtomicLong();
            Thread sampler = Thread.ofPlatform().start(() -> {
                while (running.get()) {
                    worstReserved.accumulateAndGet(system.budget().reservedBytes(), Math::max);
                    Thread.onSpinWait();
                }
            });
            LongAdder operations = new LongAdder();
            LongAdder misuses = new LongAdder();
            LongAdder corrupted = new LongAdder();
            try {
                Campaign.onAllThreads(index -> {
                    byte tag = (byte) (index + 1);
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    List<MemorySegment> handedOut = new ArrayList<>();
                    for (int a = 0; a < ARENAS_PER_THREAD; a++) {
                        ArenaKind kind = ArenaKind.values()[random.nextInt(ArenaKind.values().length)];
                        ScopedArena arena = random.nextInt(8) == 0 ? arenas.acquireShared(kind) : arenas.acquire(kind);
                        int allocations = random.nextInt(1, 24);
                        for (int i = 0; i < allocations; i++) {
                            long size = random.nextInt(16) == 0 ? random.nextLong(4_096, 300_000) : random.nextLong(1, 512);
                            MemorySegment segment = arena.allocate(size, 1L << random.nextInt(7));
                            segment.fill(tag);
                            handedOut.add(segment);
                            operations.increment();
                        }
                        for (MemorySegment segment : handedOut) {
                            for (long offset = 0; offset < segment.byteSize(); offset += 61) {
                                if (segment.get(ValueLayout.JAVA_BYTE, offset) != tag) {
                                    corrupted.increment();
                                    break;
                                }
                            }
                        }
                        handedOut.clear();
                        if (random.nextInt(10) == 0) {
                            misuse(arena, random.nextInt(4));
                            misuses.increment();
                        } else {
                            arena.close();
                        }
                        operations.increment();
                    }
                });
            } finally {
                running.set(false);
                sampler.join();
            }
            ArenaStats stats = arenas.stats();
            assertEquals(0, corrupted.sum(), "allocations overwritten by another arena");
            assertTrue(worstReserved.get() <= limit, "budget overrun: " + worstReserved.get() + " of " + limit);
            assertEquals(0, stats.activeArenas(), stats.toString());
            assertEquals(0, stats.pagesInUse(), "pages not given back: " + stats);
            assertEquals((long) Campaign.THREADS * ARENAS_PER_THREAD, stats.acquisitions(), stats.toString());
            Campaign.TALLY.add(new CampaignTally.Row("arena manager (3 kinds, confined and shared)", Campaign.THREADS,
                    operations.sum(), misuses.sum(), 0, stats.pagesInUse(), corrupted.sum()));
        }
    }

    /** Closes {@code arena} along with one misuse, which must throw and leave the manager intact. */
    private static void misuse(ScopedArena arena, int which) {
        switch (which) {
            case 0 -> assertThrows(IllegalArgumentException.class, () -> arena.allocate(-1, 8));
            case 1 -> assertThrows(IllegalArgumentException.class, () -> arena.allocate(16, 3));
            default -> { }
        }
        arena.close();
        switch (which) {
            case 2 -> assertThrows(PoolClosedException.class, () -> arena.allocate(16, 8));
            case 3 -> assertThrows(PoolClosedException.class, arena::close);
            default -> { }
        }
    }
}

package pools.conformance;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.Objects;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.ThreadIdGen;
import org.jetbrains.lincheck.datastructures.Validate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pools.api.ArenaKind;
import pools.api.ArenaManager;
import pools.api.ArenaStats;
import pools.api.ScopedArena;

/**
 * Lincheck checks the shipped arena manager's acquire and close (its pooled arenas and the page
 * pool behind them) against a model in which every thread's arena is its own: whatever the
 * interleaving, memory a thread allocated holds what it wrote until it closes its arena (no two
 * arenas share a page), acquire never fails within the budget, every stats snapshot keeps its
 * invariants, and once quiet the stats count exactly the arenas left open.
 */
@Timeout(300)
class ArenaManagerLinearizabilityTest {
    private static final long BYTES = 256;

    @Param(name = "thread", gen = ThreadIdGen.class)
    public static class Arenas {
        private final ArenaManager manager = Providers.arenaManager();
        private final ScopedArena[] open = new ScopedArena[PoolLincheck.THREAD_SLOTS];
        private final MemorySegment[] written = new MemorySegment[PoolLincheck.THREAD_SLOTS];

        /** Opens an arena for this thread (if it has none) and writes its mark into a new allocation. */
        @Operation
        public String openAndWrite(@Param(name = "thread") int thread) {
            if (open[thread] == null) {
                open[thread] = manager.acquire(ArenaKind.PRIMITIVE);
            }
            written[thread] = open[thread].allocate(BYTES, 8);
            written[thread].fill((byte) (thread + 1));
            return "ok";
        }

        /** Whether this thread's last allocation still holds its mark: no other arena wrote there. */
        @Operation
        public String readBack(@Param(name = "thread") int thread) {
            MemorySegment segment = written[thread];
            if (segment == null) {
                return "nothing written";
            }
            for (long i = 0; i < BYTES; i += 64) {
                if (segment.get(ValueLayout.JAVA_BYTE, i) != thread + 1) {
                    return "overwritten at " + i;
                }
            }
            return "ok";
        }

        @Operation
        public String closeArena(@Param(name = "thread") int thread) {
            if (open[thread] == null) {
                return "nothing open";
            }
            open[thread].close();
            open[thread] = null;
            written[thread] = null;
            return "ok";
        }

        @Operation
        public boolean statsInvariantsHold() {
            ArenaStats stats = manager.stats();
            return stats.activeArenas() >= 0 && stats.pooledArenas() >= 0 && stats.pagesInUse() >= 0
                    && stats.idlePages() >= 0 && stats.reservedBytes() >= 0 && stats.acquisitions() >= stats.activeArenas();
        }

        /**
         * After each scenario, quiet: the stats count exactly the arenas still open, each holding
         * at most its one page; then the manager frees every page (confined arenas can only be
         * closed by their own thread, which has finished).
         */
        @Validate
        public void quietStatsAreExact() {
            long stillOpen = Arrays.stream(open).filter(Objects::nonNull).count();
            ArenaStats stats = manager.stats();
            manager.close();
            if (stats.activeArenas() != stillOpen || stats.pagesInUse() > stillOpen) {
                throw new AssertionError(stillOpen + " arenas open, but the stats say " + stats);
            }
        }
    }

    /** Each thread's arena on its own: what it wrote stays until it closes. */
    public static class ArenasModel {
        private final boolean[] open = new boolean[PoolLincheck.THREAD_SLOTS];
        private final boolean[] written = new boolean[PoolLincheck.THREAD_SLOTS];

        public String openAndWrite(int thread) {
            open[thread] = true;
            written[thread] = true;
            return "ok";
        }

        public String readBack(int thread) {
            return written[thread] ? "ok" : "nothing written";
        }

        public String closeArena(int thread) {
            if (!open[thread]) {
                return "nothing open";
            }
            open[thread] = false;
            written[thread] = false;
            return "ok";
        }

        public boolean statsInvariantsHold() {
            return true;
        }
    }

    @Test
    void acquireAndCloseAreLinearizable() {
        LincheckRun.check(Arenas.class, ArenasModel.class);
    }
}

package pools.arena;

import pools.api.ArenaStats;
import pools.api.MemoryBudget;
import pools.api.PoolConfig;
import pools.api.PoolConfigBuilder;
import pools.api.spi.PoolContext;
import pools.api.spi.PoolEvents;

/** Small managers for tests: 1 KiB / 8 KiB / 64 KiB pages, arenas whose home page is 8 KiB. */
final class TestManagers {
    static final int SMALL = 1024;
    static final int MEDIUM = 8192;
    static final int LARGE = 65536;

    private TestManagers() {
    }

    static PoolConfigBuilder config() {
        return PoolConfig.builder().pageSizes(SMALL, MEDIUM, LARGE).arenaSizes(16384, 16384, 16384)
                .maxTotalPoolMemoryMb(16).arenaIdleRetainBytes(1 << 20);
    }

    /** The stats {@code manager} should report: these counts, in its own mode. */
    static ArenaStats stats(PooledArenaManager manager, long active, long pooled, long acquisitions,
                            long pagesInUse, long idlePages, long reservedBytes, long oversize) {
        ArenaStats now = manager.stats();
        return new ArenaStats(active, pooled, acquisitions, pagesInUse, idlePages, reservedBytes, oversize,
                now.mode(), now.modeDescription());
    }

    static PooledArenaManager manager(StaleSegmentCheck check) {
        return manager(check, config().build());
    }

    static PooledArenaManager manager(StaleSegmentCheck check, PoolConfig config) {
        return new PooledArenaManager(PoolContext.standalone(config), check);
    }

    static PooledArenaManager manager(StaleSegmentCheck check, PoolConfig config, long budgetBytes) {
        return new PooledArenaManager(new PoolContext(config, MemoryBudget.withLimit(budgetBytes), PoolEvents.NONE), check);
    }
}

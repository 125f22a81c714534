package pools.arena;

import java.util.Objects;
import pools.api.ArenaKind;
import pools.api.ArenaManager;
import pools.api.ArenaStats;
import pools.api.PoolClosedException;
import pools.api.ScopedArena;
import pools.api.spi.PoolContext;

/**
 * The {@link ArenaManager}: closed arenas per kind ({@link ClosedArenas}, the seed's arena_pool)
 * in front of a {@link PagePool}. Acquire takes a closed arena of the kind (a new one only when
 * none waits) and opens it; closing an arena ends its acquisition and puts it back there itself.
 * A closed arena keeps the pages it used (within the idle retain limit, see {@link HeldPages}),
 * so a steady acquisition costs one poll and one offer whatever it allocated.
 *
 * <p>Calls run one way: this manager calls its arenas, the shelf, the page pool and the counters;
 * none of them calls it. Thread-safe: acquire, close and stats may run on any thread.
 */
final class PooledArenaManager implements ArenaManager {
    private final PagePool pages;
    private final ClosedArenas closedArenas;
    private final ArenaCounters counters;
    private final StaleSegmentCheck check;
    /** The mode in words for every report, naming the flag that would change it; fixed at creation. */
    private final String modeDescription;
    /** Per kind: the page class its arenas fill, the largest page not above the kind's size. */
    private final int[] homeClass;
    /** Set once by close(); read volatile by acquire. */
    private volatile boolean closed;

    PooledArenaManager(PoolContext context, StaleSegmentCheck check) {
        this.pages = new PagePool(context.config(), context.budget(), context.events());
        this.closedArenas = new ClosedArenas();
        this.counters = new ArenaCounters(context.events(), context.tracksLeases());
        this.check = check;
        this.modeDescription = check.describe(context.config().safetyChecks().arenaSafety(), PooledArenaManager.class.getModule());
        ArenaKind[] kinds = ArenaKind.values();
        this.homeClass = new int[kinds.length];
        for (ArenaKind kind : kinds) {
            homeClass[kind.ordinal()] = pages.classAtMost(kind.sizeIn(context.config()));
        }
    }

    @Override
    public ScopedArena acquire(ArenaKind kind) {
        return acquire(kind, false);
    }

    @Override
    public ScopedArena acquireShared(ArenaKind kind) {
        return acquire(kind, true);
    }

    private ScopedArena acquire(ArenaKind kind, boolean shared) {
        Objects.requireNonNull(kind, "kind");
        if (closed) {
            throw new PoolClosedException("this ArenaManager is closed; acquire arenas from a live one");
        }
        PooledArena arena = closedArenas.poll(kind);
        if (arena == null) {
            arena = new PooledArena(kind, check, homeClass[kind.ordinal()], pages, closedArenas, counters);
        }
        ScopedArena handle = arena.open(shared);
        counters.acquired(handle);
        return handle;
    }

    /** The stale-segment check this manager's arenas run. */
    StaleSegmentCheck staleSegmentCheck() {
        return check;
    }

    @Override
    public ArenaStats stats() {
        long pooledArenas = closedArenas.size();
        long idle = closedArenas.keptPages();
        // Closes first: every close follows its acquisition, so the difference is never negative.
        long closes = counters.closes();
        long acquired = counters.acquisitions();
        return new ArenaStats(acquired - closes, pooledArenas, acquired,
                Math.max(0, pages.livePages() - idle), idle, pages.reservedBytes(), counters.oversizeAllocations(),
                check.mode(), modeDescription);
    }

    @Override
    public void close() {
        closed = true;
        pages.close();
        closedArenas.close();
    }

    @Override
    public String toString() {
        return "PooledArenaManager[" + modeDescription + "; " + stats() + "]";
    }
}

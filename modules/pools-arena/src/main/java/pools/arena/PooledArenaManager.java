package pools.arena;

import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import org.jctools.queues.atomic.MpmcAtomicArrayQueue;
import pools.api.ArenaKind;
import pools.api.ArenaManager;
import pools.api.ArenaStats;
import pools.api.PoolClosedException;
import pools.api.ScopedArena;
import pools.api.spi.PoolContext;
import pools.api.spi.PoolEvents;

/**
 * The {@link ArenaManager}: free lists of closed arenas per kind (the seed's arena_pool) in
 * front of a {@link PagePool}. Acquire polls the kind's free lists (a new arena only when both
 * are empty); close resets the arena and offers it back. A closed arena keeps the pages it used
 * (within the idle retain limit, see {@link HeldPages}), so a steady acquisition costs one poll
 * and one offer whatever it allocated; arenas that keep pages wait in a list of their own, taken
 * first.
 *
 * <p>Counters are striped ({@link LongAdder}) so that acquire and close on many threads do not
 * meet on one cache line; stats add them up and are exact when no thread is acquiring or closing.
 */
final class PooledArenaManager implements ArenaManager, PagePool.Keepers {
    /** Closed arenas kept per kind; beyond this, closed arenas are left to the GC. */
    static final int POOLED_ARENAS_PER_KIND = 1024;

    private final PagePool pages;
    private final Safety safety;
    /** The mode in words for every report, naming the flag that would change it; fixed at creation. */
    private final String modeDescription;
    private final PoolEvents events;
    private final boolean tracksLeases;
    private final int[] homeClass;
    /** Per kind: closed arenas keeping a page, and closed arenas without one. */
    private final MpmcAtomicArrayQueue<PooledArena>[] pooledWithPage;
    private final MpmcAtomicArrayQueue<PooledArena>[] pooled;
    /** Incremented on each acquire and each close from any thread; summed only by stats(). */
    private final LongAdder acquisitions = new LongAdder();
    private final LongAdder closes = new LongAdder();
    private final LongAdder oversize = new LongAdder();
    /** Set once by close(); read volatile by acquire. */
    private volatile boolean closed;

    @SuppressWarnings({"unchecked", "rawtypes"}) // an array of a generic queue type can only be made raw
    PooledArenaManager(PoolContext context, Safety safety) {
        this.pages = new PagePool(context.config(), context.budget(), context.events(), this);
        this.safety = safety;
        this.modeDescription = safety.describe(context.config().safetyChecks().arenaSafety(), PooledArenaManager.class.getModule());
        this.events = context.events();
        this.tracksLeases = context.tracksLeases();
        ArenaKind[] kinds = ArenaKind.values();
        this.homeClass = new int[kinds.length];
        this.pooledWithPage = (MpmcAtomicArrayQueue<PooledArena>[]) new MpmcAtomicArrayQueue<?>[kinds.length];
        this.pooled = (MpmcAtomicArrayQueue<PooledArena>[]) new MpmcAtomicArrayQueue<?>[kinds.length];
        for (ArenaKind kind : kinds) {
            int k = kind.ordinal();
            homeClass[k] = pages.classAtMost(kind.sizeIn(context.config()));
            pooledWithPage[k] = new MpmcAtomicArrayQueue<>(POOLED_ARENAS_PER_KIND);
            pooled[k] = new MpmcAtomicArrayQueue<>(POOLED_ARENAS_PER_KIND);
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
        PooledArena arena = pooledWithPage[kind.ordinal()].poll();
        if (arena == null) {
            arena = pooled[kind.ordinal()].poll();
        }
        if (arena == null) {
            arena = new PooledArena(this, pages, kind, safety, homeClass[kind.ordinal()]);
        }
        ScopedArena lease = arena.open(shared);
        acquisitions.increment();
        if (tracksLeases) {
            events.acquired(PagePool.POOL_NAME, lease);
        }
        return lease;
    }

    /** Called by an arena after its reset: counts the close and keeps the arena for reuse. */
    void recycle(PooledArena arena, ScopedArena lease) {
        closes.increment();
        if (tracksLeases) {
            events.released(PagePool.POOL_NAME, lease);
        }
        if (closed || !pooledFor(arena).offer(arena)) {
            arena.held().freeKept();
        } else if (closed) {
            freeKeptPages(Long.MAX_VALUE); // close() ran between the check and the offer
        }
    }

    private MpmcAtomicArrayQueue<PooledArena> pooledFor(PooledArena arena) {
        return (arena.held().hasKept() ? pooledWithPage : pooled)[arena.kind().ordinal()];
    }

    /** Walks the pooled arenas that keep pages: only for budget trimming and stats, not per acquisition. */
    @Override
    public long keptIdleBytes() {
        long bytes = 0;
        for (MpmcAtomicArrayQueue<PooledArena> queue : pooledWithPage) {
            for (PooledArena arena : queue) {
                bytes += arena.held().keptBytes();
            }
        }
        return bytes;
    }

    @Override
    public void freeKeptPages(long bytes) {
        long freed = 0;
        for (int k = pooledWithPage.length - 1; k >= 0 && freed < bytes; k--) {
            PooledArena arena;
            while (freed < bytes && (arena = pooledWithPage[k].poll()) != null) {
                freed += arena.held().freeKept();
                if (!closed) {
                    pooled[k].offer(arena); // when the list is full, the arena is left to the GC
                }
            }
        }
    }

    void countOversize() {
        oversize.increment();
    }

    /** The safety mode this manager runs in. */
    Safety safety() {
        return safety;
    }

    @Override
    public ArenaStats stats() {
        long pooledArenas = 0;
        long kept = 0;
        for (int k = 0; k < pooled.length; k++) {
            pooledArenas += pooledWithPage[k].size() + pooled[k].size();
            for (PooledArena arena : pooledWithPage[k]) {
                kept += arena.held().keptPages();
            }
        }
        long idle = pages.idlePages() + kept;
        // Closes first: every close follows its acquisition, so the difference is never negative.
        long closedArenas = closes.sum();
        long acquired = acquisitions.sum();
        return new ArenaStats(acquired - closedArenas, pooledArenas, acquired,
                Math.max(0, pages.livePages() - idle), idle, pages.reservedBytes(), oversize.sum(),
                safety.mode(), modeDescription);
    }

    @Override
    public void close() {
        closed = true;
        pages.close();
        freeKeptPages(Long.MAX_VALUE);
        for (MpmcAtomicArrayQueue<PooledArena> queue : pooled) {
            queue.clear();
        }
    }

    @Override
    public String toString() {
        return "PooledArenaManager[" + modeDescription + "; " + stats() + "]";
    }
}

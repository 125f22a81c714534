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
 * The {@link ArenaManager}: a free list of closed arenas per kind (the seed's arena_pool) in
 * front of a {@link PagePool}. Acquire polls the kind's free list (a new arena only when it is
 * empty); close resets the arena, returns its pages and offers it back.
 *
 * <p>Counters are striped ({@link LongAdder}) so that acquire and close on many threads do not
 * meet on one cache line; stats add them up and are exact when no thread is acquiring or closing.
 */
final class PooledArenaManager implements ArenaManager {
    /** Closed arenas kept per kind; beyond this, closed arenas are left to the GC. */
    static final int POOLED_ARENAS_PER_KIND = 1024;

    private final PagePool pages;
    private final Safety safety;
    private final PoolEvents events;
    private final boolean tracksLeases;
    private final int[] homeClass;
    private final MpmcAtomicArrayQueue<PooledArena>[] pooled;
    /** Incremented on each acquire and each close from any thread; summed only by stats(). */
    private final LongAdder acquisitions = new LongAdder();
    private final LongAdder closes = new LongAdder();
    private final LongAdder oversize = new LongAdder();
    /** Set once by close(); read volatile by acquire. */
    private volatile boolean closed;

    @SuppressWarnings("unchecked")
    PooledArenaManager(PoolContext context, Safety safety) {
        this.pages = new PagePool(context.config(), context.budget(), context.events());
        this.safety = safety;
        this.events = context.events();
        this.tracksLeases = context.tracksLeases();
        ArenaKind[] kinds = ArenaKind.values();
        this.homeClass = new int[kinds.length];
        this.pooled = new MpmcAtomicArrayQueue[kinds.length];
        for (ArenaKind kind : kinds) {
            homeClass[kind.ordinal()] = pages.classAtMost(kind.sizeIn(context.config()));
            pooled[kind.ordinal()] = new MpmcAtomicArrayQueue<>(POOLED_ARENAS_PER_KIND);
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
        PooledArena arena = pooled[kind.ordinal()].poll();
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
        if (!closed) {
            pooled[arena.kind().ordinal()].offer(arena);
        }
    }

    void countOversize() {
        oversize.increment();
    }

    /** The safety mode this manager runs in. */
    Safety safety() {
        return safety;
    }

    /** Frees idle pages until at most {@code keepBytes} are idle: what the retain limit does on return. */
    void trimIdlePages(long keepBytes) {
        pages.trimTo(keepBytes);
    }

    @Override
    public ArenaStats stats() {
        long pooledArenas = 0;
        for (MpmcAtomicArrayQueue<PooledArena> queue : pooled) {
            pooledArenas += queue.size();
        }
        long idle = pages.idlePages();
        return new ArenaStats(acquisitions.sum() - closes.sum(), pooledArenas, acquisitions.sum(),
                Math.max(0, pages.livePages() - idle), idle, pages.reservedBytes(), oversize.sum());
    }

    @Override
    public void close() {
        closed = true;
        pages.close();
        for (MpmcAtomicArrayQueue<PooledArena> queue : pooled) {
            queue.clear();
        }
    }

    @Override
    public String toString() {
        return "PooledArenaManager[" + safety + ", " + stats() + "]";
    }
}

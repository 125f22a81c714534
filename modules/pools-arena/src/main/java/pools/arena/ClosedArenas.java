package pools.arena;

import org.jctools.queues.atomic.MpmcAtomicArrayQueue;
import pools.api.ArenaKind;

/**
 * The closed arenas of one manager, per kind, waiting to be acquired again (the seed's
 * arena_pool). Arenas that keep pages wait in a list of their own, taken first, so that a steady
 * acquisition starts in a page it already has. An arena puts itself here when it closes, the
 * manager takes arenas from here when it acquires, and an arena short of budget frees the kept
 * pages of the arenas waiting here. So calls only run from the manager and the arenas to this
 * shelf, which reads nothing of an arena but its kind and the pages it keeps (nobody uses those
 * while it waits here).
 *
 * <p>Threading: the lists are MPMC queues; an arena's fields, written before its offer, are
 * published to whoever polls it. Once {@link #close()} has run, nothing is kept: an arena put
 * here later frees its pages and is left to the GC.
 */
final class ClosedArenas {
    /** Closed arenas kept per kind; beyond this, closed arenas are left to the GC. */
    static final int PER_KIND = 1024;

    /** Per kind: closed arenas keeping a page, and closed arenas without one. */
    private final MpmcAtomicArrayQueue<PooledArena>[] keepingPages;
    private final MpmcAtomicArrayQueue<PooledArena>[] withoutPages;
    /** Set once by {@link #close()}; read volatile after every offer, so no kept page is left behind. */
    private volatile boolean closed;

    @SuppressWarnings({"unchecked", "rawtypes"}) // an array of a generic queue type can only be made raw
    ClosedArenas() {
        int kinds = ArenaKind.values().length;
        keepingPages = (MpmcAtomicArrayQueue<PooledArena>[]) new MpmcAtomicArrayQueue<?>[kinds];
        withoutPages = (MpmcAtomicArrayQueue<PooledArena>[]) new MpmcAtomicArrayQueue<?>[kinds];
        for (int k = 0; k < kinds; k++) {
            keepingPages[k] = new MpmcAtomicArrayQueue<>(PER_KIND);
            withoutPages[k] = new MpmcAtomicArrayQueue<>(PER_KIND);
        }
    }

    /** A closed arena of the kind, one that keeps pages if there is one; null if none waits. */
    PooledArena poll(ArenaKind kind) {
        PooledArena arena = keepingPages[kind.ordinal()].poll();
        return arena != null ? arena : withoutPages[kind.ordinal()].poll();
    }

    /**
     * Shelves an arena whose acquisition has ended. When its list is full or this shelf is
     * closed, the arena's kept pages are freed and the arena is left to the GC.
     */
    void put(PooledArena arena) {
        HeldPages held = arena.held();
        int k = arena.kind().ordinal();
        if (closed || !(held.hasKept() ? keepingPages : withoutPages)[k].offer(arena)) {
            held.freeKept();
        } else if (closed) {
            freeKeptPages(Long.MAX_VALUE); // close() ran between the check and the offer
        }
    }

    /**
     * Frees kept pages of waiting arenas, largest kind first, until at least {@code bytes} are
     * freed or none are left; an arena whose pages are freed waits on without them.
     */
    void freeKeptPages(long bytes) {
        long freed = 0;
        for (int k = keepingPages.length - 1; k >= 0; k--) {
            PooledArena arena;
            while (freed < bytes && (arena = keepingPages[k].poll()) != null) {
                freed += arena.held().freeKept();
                if (!closed) {
                    withoutPages[k].offer(arena); // when the list is full, the arena is left to the GC
                }
            }
        }
    }

    /**
     * Frees kept pages worth at least {@code bytes} if the waiting arenas keep that many, and
     * none otherwise, so that a refusal this cannot cure leaves every kept page in place.
     * Walks the lists: only for a budget shortfall, never per acquisition.
     */
    void freeKeptPagesIfEnough(long bytes) {
        if (keptBytes() >= bytes) {
            freeKeptPages(bytes);
        }
    }

    /** Bytes of the pages the waiting arenas keep. */
    long keptBytes() {
        long bytes = 0;
        for (MpmcAtomicArrayQueue<PooledArena> queue : keepingPages) {
            for (PooledArena arena : queue) {
                bytes += arena.held().keptBytes();
            }
        }
        return bytes;
    }

    /** Pages the waiting arenas keep. */
    long keptPages() {
        long pages = 0;
        for (MpmcAtomicArrayQueue<PooledArena> queue : keepingPages) {
            for (PooledArena arena : queue) {
                pages += arena.held().keptPages();
            }
        }
        return pages;
    }

    /** Arenas waiting here. */
    long size() {
        long arenas = 0;
        for (int k = 0; k < keepingPages.length; k++) {
            arenas += keepingPages[k].size() + withoutPages[k].size();
        }
        return arenas;
    }

    /** Frees every kept page and drops every waiting arena; arenas put here later free their own. Idempotent. */
    void close() {
        closed = true;
        freeKeptPages(Long.MAX_VALUE);
        for (MpmcAtomicArrayQueue<PooledArena> queue : withoutPages) {
            queue.clear();
        }
    }
}

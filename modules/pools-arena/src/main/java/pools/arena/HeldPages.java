package pools.arena;

import java.util.Arrays;

/**
 * The pages one arena holds: the chain it keeps across acquisitions, and those it took from the
 * page pool in the current one. A closing arena keeps the pages it took as long as the idle
 * retain limit allows, so an arena whose acquisitions use the same pages each time (however
 * many bytes that is) closes without one page going back to the pool: close costs the same
 * whether the acquisition used a kilobyte or a megabyte.
 *
 * <p>Threading: owned by whoever owns the arena (its acquirer, or, while it is closed,
 * {@link ClosedArenas} and whoever polled it from there); handed over with the arena through
 * those lists. {@link #keptPages()} and {@link #keptBytes()} are also read by stats and budget
 * trimming while the arena waits there: written before the list's offer, which publishes them.
 */
final class HeldPages {
    private final PagePool pool;
    /** {@code [0, kept)}: the kept chain, counted in the pool's kept bytes; {@code [kept, count)}: taken this acquisition. */
    private Page[] pages = new Page[4];
    private int count;
    private int kept;
    /** Kept pages {@code [0, used)} serve this acquisition; {@code [used, kept)} wait for a request of their class. */
    private int used;
    private long keptBytes;

    HeldPages(PagePool pool) {
        this.pool = pool;
    }

    /** The first kept page, for an acquisition to start in; null if none is kept. */
    Page takeFirstKept() {
        return used < kept ? pages[used++] : null;
    }

    /** A kept page of the class not yet used in this acquisition, now used by it; null if none. */
    Page takeKept(int sizeClass) {
        for (int i = used; i < kept; i++) {
            Page page = pages[i];
            if (page.sizeClass == sizeClass) {
                pages[i] = pages[used];
                pages[used++] = page;
                return page;
            }
        }
        return null;
    }

    /**
     * A new page of the class from the pool, held for this acquisition.
     *
     * @throws pools.api.BudgetExceededException if the budget refuses; nothing is held then
     */
    Page takeNew(int sizeClass, Object requester) {
        Page page = pool.allocate(sizeClass, requester);
        if (count == pages.length) {
            pages = Arrays.copyOf(pages, count * 2);
        }
        pages[count++] = page;
        return page;
    }

    /**
     * Ends the acquisition: the kept chain stays; of the pages taken from the pool, it keeps
     * those the pool's idle retain limit allows and frees the rest. With no page taken
     * (the steady state) that is nothing at all. With {@code zero}, first zeroes what this
     * acquisition used of each page (the caller has closed the scope the pages were re-scoped
     * to, so no segment can write them any more): every page that is not held stays all zero.
     */
    void endAcquisition(boolean zero) {
        if (zero) {
            zeroUsed(0, used);
            zeroUsed(kept, count);
        }
        int keeping = kept;
        for (int i = kept; i < count; i++) {
            Page page = pages[i];
            pages[i] = null;
            if (pool.keep(page)) {
                pages[keeping++] = page;
                keptBytes += pool.pageSize(page.sizeClass);
            } else {
                pool.free(page);
            }
        }
        kept = keeping;
        count = keeping;
        used = 0;
    }

    /**
     * Under budget pressure, frees kept pages this acquisition has not used, if together they
     * come to at least {@code bytes} (else frees none, so a refusal that this cannot cure leaves
     * everything as it was). Returns whether it freed them.
     */
    boolean freeUnusedKept(long bytes) {
        long unused = 0;
        for (int i = used; i < kept; i++) {
            unused += pool.pageSize(pages[i].sizeClass);
        }
        if (unused < bytes || bytes <= 0) {
            return false;
        }
        long freed = 0;
        while (freed < bytes) {
            Page page = pages[used];
            freed += pool.pageSize(page.sizeClass);
            keptBytes -= pool.pageSize(page.sizeClass);
            pool.freeKept(page);
            // Keep [0, kept) then [kept, count) contiguous: the last kept page fills the hole,
            // and the last page taken this acquisition fills the kept range's old end.
            pages[used] = pages[kept - 1];
            pages[kept - 1] = pages[count - 1];
            pages[count - 1] = null;
            kept--;
            count--;
        }
        return true;
    }

    private void zeroUsed(int from, int to) {
        for (int i = from; i < to; i++) {
            Page page = pages[i];
            if (page.usedBytes > 0) {
                page.memory.asSlice(0, page.usedBytes).fill((byte) 0);
                page.usedBytes = 0;
            }
        }
    }

    boolean hasKept() {
        return kept > 0;
    }

    long keptPages() {
        return kept;
    }

    long keptBytes() {
        return keptBytes;
    }

    /** Frees the kept chain (the arena is pooled, so nobody uses it); returns the bytes freed. */
    long freeKept() {
        for (int i = 0; i < kept; i++) {
            pool.freeKept(pages[i]);
            pages[i] = null;
        }
        long freed = keptBytes;
        kept = 0;
        count = 0;
        used = 0;
        keptBytes = 0;
        return freed;
    }
}

package pools.arena;

import java.util.Arrays;

/**
 * The pages one arena holds: those it took in the current acquisition, and the one page of its
 * home class it keeps across acquisitions while pooled, so that the common acquisition (one
 * page's worth of scratch) makes no round trip through the page pool's shared free lists.
 *
 * <p>Threading: owned by whoever owns the arena (its acquirer, the manager while pooled, or a
 * reclaimer that polled it from the free list); handed over with the arena through the free list.
 */
final class HeldPages {
    private final PagePool pool;
    private final int homeClass;
    private Page kept;
    private boolean keptInUse;
    private Page[] taken = new Page[8];
    private int takenCount;

    HeldPages(PagePool pool, int homeClass) {
        this.pool = pool;
        this.homeClass = homeClass;
    }

    /** A page of the class for this acquisition: the kept page if it is free, else one from the pool. */
    Page take(int sizeClass, Object requester) {
        if (sizeClass == homeClass && kept != null && !keptInUse) {
            keptInUse = true;
            return kept;
        }
        if (takenCount == taken.length) {
            taken = Arrays.copyOf(taken, takenCount * 2);
        }
        Page page = pool.take(sizeClass, requester);
        taken[takenCount++] = page;
        return page;
    }

    /** The kept page, if this arena keeps one, for the acquisition to start in. */
    Page takeKept() {
        if (kept == null) {
            return null;
        }
        keptInUse = true;
        return kept;
    }

    /**
     * Ends the acquisition: gives the pages back to the pool, except one home-class page that it
     * keeps if none is kept yet and the idle retain limit allows it (checked last, so that the
     * pages just given back count).
     */
    void returnAll(PooledArenaManager manager) {
        keptInUse = false;
        Page candidate = null;
        for (int i = 0; i < takenCount; i++) {
            Page page = taken[i];
            taken[i] = null;
            if (candidate == null && kept == null && page.sizeClass == homeClass) {
                candidate = page;
            } else {
                pool.give(page);
            }
        }
        takenCount = 0;
        if (candidate != null) {
            if (manager.mayKeep(pool.pageSize(homeClass))) {
                kept = candidate;
            } else {
                pool.give(candidate);
            }
        }
    }

    boolean hasKept() {
        return kept != null;
    }

    /** Frees the kept page (the arena is pooled, so nobody uses it); returns the bytes freed. */
    long freeKept() {
        if (kept == null) {
            return 0;
        }
        long bytes = pool.pageSize(kept.sizeClass);
        pool.discard(kept);
        kept = null;
        return bytes;
    }
}

package pools.arena;

import java.lang.foreign.MemorySegment;
import pools.api.BudgetExceededException;

/**
 * Where an arena's next block comes from when the current one cannot hold a request: a page of
 * the right class (kept by the arena, or from the page pool), re-scoped to the acquisition in
 * the re-scoped mode; or a block of the acquisition's own scope (oversize requests, and every
 * request in the per-allocation mode). Off the bump's hot path.
 *
 * <p>Before it reserves, it makes room when the budget is short, by freeing pages that closed
 * arenas keep ({@link ClosedArenas}) if they cover the shortfall; the page pool itself only
 * reserves, so that calls run from the arena down to the pool and never back.
 *
 * <p>Threading: owned by its arena, like the arena's fields (see {@link PooledArena}).
 */
final class BlockSource {
    private final PagePool pages;
    private final ClosedArenas closedArenas;
    private final HeldPages held;
    private final AcquisitionScope scope;
    private final StaleSegmentCheck check;
    /** The page class the arena fills: the largest page not above its kind's size. */
    private final int homeClass;
    /** Named in the budget's refusal: the arena. */
    private final Object requester;
    /** The page the last block returned lies in (re-scoped mode only), else null. */
    private Page lastPage;

    BlockSource(PagePool pages, ClosedArenas closedArenas, HeldPages held, AcquisitionScope scope,
                StaleSegmentCheck check, int homeClass, Object requester) {
        this.pages = pages;
        this.closedArenas = closedArenas;
        this.held = held;
        this.scope = scope;
        this.check = check;
        this.homeClass = homeClass;
        this.requester = requester;
    }

    /**
     * A block that holds {@code byteSize} bytes at {@code byteAlignment}. When the budget
     * refuses, pages the arena keeps but has not used in this acquisition are given back if
     * that is enough, and the request is tried once more. A refusal changes nothing else
     * (pages closed arenas keep are freed before a reservation only when that avoids it).
     *
     * @throws IllegalArgumentException if size plus padding exceeds {@code Long.MAX_VALUE}
     * @throws BudgetExceededException if the budget cannot make room
     */
    MemorySegment take(long byteSize, long byteAlignment, boolean shared) {
        long padded = Requests.padded(byteSize, byteAlignment, PagePool.PAGE_ALIGNMENT);
        try {
            return takeOnce(byteSize, byteAlignment, padded, shared);
        } catch (BudgetExceededException e) {
            if (!held.freeUnusedKept(e.overrunBytes())) {
                throw e;
            }
            return takeOnce(byteSize, byteAlignment, padded, shared);
        }
    }

    /** The first page the arena keeps, as a block of this acquisition, or null if it keeps none. */
    MemorySegment takeFirstKept() {
        Page kept = held.takeFirstKept();
        return kept == null ? null : asBlock(kept);
    }

    /** The page the block last returned lies in, to record its used bytes; null if none or not re-scoped. */
    Page lastPage() {
        return lastPage;
    }

    private MemorySegment takeOnce(long byteSize, long byteAlignment, long padded, boolean shared) {
        int sizeClass = padded <= pages.pageSize(homeClass) ? homeClass : pages.classFor(padded);
        if (sizeClass < 0 || check == StaleSegmentCheck.PER_ALLOCATION) {
            boolean oversize = sizeClass < 0;
            makeRoom(scope.reservationFor(byteSize, byteAlignment, oversize));
            MemorySegment block = scope.allocate(byteSize, byteAlignment, oversize, shared);
            lastPage = null;
            return block;
        }
        Page page = held.takeKept(sizeClass);
        if (page == null) {
            makeRoom(pages.pageSize(sizeClass));
            page = held.takeNew(sizeClass, requester);
        }
        return asBlock(page);
    }

    /** If the budget cannot cover {@code bytes}, frees pages closed arenas keep, when they cover the shortfall. */
    private void makeRoom(long bytes) {
        long shortBy = pages.shortfall(bytes);
        if (shortBy > 0) {
            closedArenas.freeKeptPagesIfEnough(shortBy);
        }
    }

    private MemorySegment asBlock(Page page) {
        if (check == StaleSegmentCheck.RESCOPED) {
            lastPage = page;
            return rescope(page);
        }
        lastPage = null;
        return page.memory;
    }

    /**
     * The page as a segment of this acquisition's scope, so that it becomes inaccessible when
     * the scope closes. {@code reinterpret} is restricted; this runs only in the re-scoped mode,
     * which {@link StaleSegmentCheck#choose} picks only when native access is enabled for this module, so
     * the JDK has nothing to warn about.
     */
    @SuppressWarnings("restricted")
    private MemorySegment rescope(Page page) {
        return page.memory.reinterpret(scope.arena(), null);
    }
}

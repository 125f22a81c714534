package pools.arena;

import java.lang.foreign.MemorySegment;
import pools.api.BudgetExceededException;

/**
 * Where an arena's next block comes from when the current one cannot hold a request: a page of
 * the right class (kept by the arena, or from the page pool), re-scoped to the acquisition in
 * the re-scoped mode; or a block of the acquisition's own scope (oversize requests, and every
 * request in the per-allocation mode). Off the bump's hot path.
 *
 * <p>Threading: owned by its arena, like the arena's fields (see {@link PooledArena}).
 */
final class BlockSource {
    private final PagePool pages;
    private final HeldPages held;
    private final AcquisitionScope scope;
    private final Safety safety;
    /** The page class the arena fills: the largest page not above its kind's size. */
    private final int homeClass;
    /** Named in the budget's refusal: the arena. */
    private final Object requester;
    /** The page the last block returned lies in (re-scoped mode only), else null. */
    private Page lastPage;

    BlockSource(PagePool pages, HeldPages held, AcquisitionScope scope, Safety safety, int homeClass, Object requester) {
        this.pages = pages;
        this.held = held;
        this.scope = scope;
        this.safety = safety;
        this.homeClass = homeClass;
        this.requester = requester;
    }

    /**
     * A block that holds {@code byteSize} bytes at {@code byteAlignment}. When the budget
     * refuses, pages the arena keeps but has not used in this acquisition are given back if
     * that is enough, and the request is tried once more. A refusal changes nothing else.
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
        if (sizeClass < 0 || safety == Safety.PER_ALLOCATION) {
            MemorySegment block = scope.allocate(byteSize, byteAlignment, sizeClass < 0, shared);
            lastPage = null;
            return block;
        }
        return asBlock(held.take(sizeClass, requester));
    }

    private MemorySegment asBlock(Page page) {
        if (safety == Safety.RESCOPED) {
            lastPage = page;
            return rescope(page);
        }
        lastPage = null;
        return page.memory;
    }

    /**
     * The page as a segment of this acquisition's scope, so that it becomes inaccessible when
     * the scope closes. {@code reinterpret} is restricted; this runs only in the re-scoped mode,
     * which {@link Safety#choose} picks only when native access is enabled for this module, so
     * the JDK has nothing to warn about.
     */
    @SuppressWarnings("restricted")
    private MemorySegment rescope(Page page) {
        return page.memory.reinterpret(scope.arena(), null);
    }
}

package pools.arena;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicLong;
import pools.api.BudgetExceededException;
import pools.api.MemoryBudget;
import pools.api.PoolClosedException;
import pools.api.PoolConfig;
import pools.api.spi.PoolEvents;

/**
 * The pages behind every arena of a manager, in three size classes (the config's small, medium
 * and large page), and their account with the budget: a page is reserved before it is allocated
 * and released after it is freed. Pages are not kept here: an arena keeps the pages it took for
 * its next acquisition ({@link HeldPages}) as long as the idle retain limit allows ({@link #keep}),
 * and frees the rest when its acquisition ends (the seed's dynamic sizing). The limit counts every
 * kept page, whether its arena is closed or in use: counting it only while its arena waits would
 * cost a shared counter update on every acquire and close.
 *
 * <p>Calls only come in: this pool calls the budget and the event sink, never an arena or the
 * manager. Making room in the budget by freeing what closed arenas keep is the caller's part
 * ({@link BlockSource}), with {@link #shortfall} to tell whether it is needed.
 *
 * <p>Thread-safe: counters are atomics, exact when no thread is taking or freeing pages.
 */
final class PagePool {
    /** Page base alignment: a cache line, free with malloc's 16 except for the 63 bytes FFM adds. */
    static final long PAGE_ALIGNMENT = 64;
    /** The name the event sink knows the arenas by. */
    static final String POOL_NAME = "arenas";

    private final long[] pageSizes;
    private final MemoryBudget budget;
    private final PoolEvents events;
    private final long retainBytes;
    /** Pages allocated and not yet freed (kept or in use); CAS from any thread on allocate/free only. */
    private final AtomicLong livePages = new AtomicLong();
    /** Bytes this pool holds against the budget (pages and scoped memory); updated with the budget. */
    private final AtomicLong reservedBytes = new AtomicLong();
    /**
     * Bytes of the pages arenas keep across acquisitions, closed or in use. Changed only when an
     * arena keeps a page it took or frees a kept one, not on every acquire and close.
     */
    private final AtomicLong keptBytes = new AtomicLong();
    /** Set once by {@link #close()}; read volatile by every allocation and keep. */
    private volatile boolean closed;

    PagePool(PoolConfig config, MemoryBudget budget, PoolEvents events) {
        this.pageSizes = new long[] {config.pageSizes().smallPageSize(), config.pageSizes().mediumPageSize(), config.pageSizes().largePageSize()};
        this.budget = budget;
        this.events = events;
        this.retainBytes = config.budget().arenaIdleRetainBytes();
    }

    long pageSize(int sizeClass) {
        return pageSizes[sizeClass];
    }

    /** The largest class whose page is not above {@code bytes} (the small one if none is). */
    int classAtMost(long bytes) {
        int c = pageSizes.length - 1;
        while (c > 0 && pageSizes[c] > bytes) {
            c--;
        }
        return c;
    }

    /** The smallest class whose page holds {@code bytes}, or -1 if no page does (oversize). */
    int classFor(long bytes) {
        for (int c = 0; c < pageSizes.length; c++) {
            if (bytes <= pageSizes[c]) {
                return c;
            }
        }
        return -1;
    }

    /**
     * Bytes by which reserving {@code bytes} now would overrun the budget; 0 or less if it fits.
     * A hint only: other reservations may come and go before the caller reserves.
     */
    long shortfall(long bytes) {
        return bytes - (budget.limitBytes() - budget.reservedBytes());
    }

    /**
     * A new page of the class, reserved against the budget first.
     *
     * @throws PoolClosedException if this pool is closed
     * @throws BudgetExceededException if the budget refuses; nothing is reserved then
     */
    Page allocate(int sizeClass, Object requester) {
        if (closed) {
            throw new PoolClosedException("the arena manager is closed: its pages are freed;"
                    + " acquire arenas from a live manager");
        }
        long size = pageSizes[sizeClass];
        reserveFromBudget(size, requester);
        Arena owner = Arena.ofShared();
        MemorySegment memory;
        try {
            memory = owner.allocate(size, PAGE_ALIGNMENT);
        } catch (RuntimeException | OutOfMemoryError e) {
            owner.close();
            budget.release(size);
            throw e;
        }
        reservedBytes.addAndGet(size);
        long live = livePages.incrementAndGet();
        events.grown(POOL_NAME, live - 1, live);
        return new Page(owner, memory, sizeClass);
    }

    /**
     * Whether an arena may keep a page it took beyond its acquisition: within the retain limit,
     * and not once closed. If so, the page counts as kept until {@link #freeKept}.
     */
    boolean keep(Page page) {
        long size = pageSizes[page.sizeClass];
        if (closed || keptBytes.get() + size > retainBytes) {
            return false;
        }
        keptBytes.addAndGet(size);
        return true;
    }

    /** Frees a page an arena took and does not keep (and no longer uses), releasing its bytes. */
    void free(Page page) {
        page.free();
        long size = pageSizes[page.sizeClass];
        livePages.decrementAndGet();
        reservedBytes.addAndGet(-size);
        budget.release(size);
    }

    /** Frees a page an arena kept (and no longer uses), releasing its bytes. */
    void freeKept(Page page) {
        keptBytes.addAndGet(-pageSizes[page.sizeClass]);
        free(page);
    }

    /**
     * Reserves bytes that an arena allocates in its own scope (oversize and per-allocation mode).
     *
     * @throws BudgetExceededException if the budget refuses; nothing is reserved then
     */
    void reserve(long bytes, Object requester) {
        reserveFromBudget(bytes, requester);
        reservedBytes.addAndGet(bytes);
    }

    /** Gives back bytes reserved with {@link #reserve} after their scope is closed. */
    void release(long bytes) {
        reservedBytes.addAndGet(-bytes);
        budget.release(bytes);
    }

    /** Refuses every later page and keep; pages still held are freed when their arenas let go. Idempotent. */
    void close() {
        closed = true;
    }

    long livePages() {
        return livePages.get();
    }

    long reservedBytes() {
        return reservedBytes.get();
    }

    private void reserveFromBudget(long bytes, Object requester) {
        try {
            budget.reserve(bytes, String.valueOf(requester));
        } catch (BudgetExceededException e) {
            events.exhausted(POOL_NAME, livePages.get());
            throw e;
        }
    }
}

package pools.arena;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicLong;
import org.jctools.queues.atomic.MpmcAtomicArrayQueue;
import pools.api.BudgetExceededException;
import pools.api.MemoryBudget;
import pools.api.PoolClosedException;
import pools.api.PoolConfig;
import pools.api.spi.PoolEvents;

/**
 * The pages behind every arena of a manager: three size classes (the config's small, medium and
 * large page), each with a lock-free free list of idle pages. A page is reserved against the
 * budget before it is allocated and released after it is freed. Arenas may also keep chains of
 * pages across acquisitions ({@link #keep}). The retain limit bounds the idle pages here plus
 * every kept page, whether its arena is pooled or in use: a kept page is set aside for reuse, and
 * counting it only while its arena is pooled would cost a shared counter update on every acquire
 * and close. Pages beyond the limit are freed on return (the seed's dynamic sizing), and idle
 * pages, then kept ones of pooled arenas, are freed to make room when the budget would refuse a
 * new one.
 *
 * <p>Counters are exact when no thread is taking or giving pages; in flight, idle bytes may be
 * read a page off, which only moves the retain limit by a page.
 */
final class PagePool {
    /** Page base alignment: a cache line, free with malloc's 16 except for the 63 bytes FFM adds. */
    static final long PAGE_ALIGNMENT = 64;
    static final String POOL_NAME = "arenas";
    private static final int MAX_IDLE_PER_CLASS = 1 << 16;

    private final long[] pageSizes;
    private final MpmcAtomicArrayQueue<Page>[] idle;
    private final MemoryBudget budget;
    private final PoolEvents events;
    private final long retainBytes;
    private final Keepers keepers;
    /** Pages allocated and not yet freed (idle or held); CAS from any thread on allocate/free only. */
    private final AtomicLong livePages = new AtomicLong();
    /** Bytes this pool holds against the budget (pages and scoped memory); updated with the budget. */
    private final AtomicLong reservedBytes = new AtomicLong();
    /**
     * Bytes of the pages arenas keep across acquisitions, pooled or in use. Changed only when an
     * arena keeps a page it took or frees its chain, not on every acquire and close.
     */
    private final AtomicLong keptBytes = new AtomicLong();
    /** Set once by {@link #close()}; read volatile after every return so no page is left behind. */
    private volatile boolean closed;

    @SuppressWarnings({"unchecked", "rawtypes"}) // an array of a generic queue type can only be made raw
    PagePool(PoolConfig config, MemoryBudget budget, PoolEvents events, Keepers keepers) {
        this.keepers = keepers;
        this.pageSizes = new long[] {config.pageSizes().smallPageSize(), config.pageSizes().mediumPageSize(), config.pageSizes().largePageSize()};
        this.budget = budget;
        this.events = events;
        this.retainBytes = config.budget().arenaIdleRetainBytes();
        this.idle = (MpmcAtomicArrayQueue<Page>[]) new MpmcAtomicArrayQueue<?>[pageSizes.length];
        for (int c = 0; c < pageSizes.length; c++) {
            long fit = Math.clamp(retainBytes / pageSizes[c] + 1, 2, MAX_IDLE_PER_CLASS);
            idle[c] = new MpmcAtomicArrayQueue<>((int) fit);
        }
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

    /** An idle page of the class, or a new one reserved against the budget. */
    Page take(int sizeClass, Object requester) {
        Page page = idle[sizeClass].poll();
        return page != null ? page : allocate(sizeClass, requester);
    }

    /**
     * Whether an arena may keep a page it took beyond its acquisition: within the retain limit,
     * and not once closed. If so, the page counts as kept until {@link #discardKept}.
     */
    boolean keep(Page page) {
        long size = pageSizes[page.sizeClass];
        if (closed || idleBytes() + keptBytes.get() + size > retainBytes) {
            return false;
        }
        keptBytes.addAndGet(size);
        return true;
    }

    /** Takes back a page: kept idle within the retain limit, freed beyond it or once closed. */
    void give(Page page) {
        long idleNow = idleBytes() + keptBytes.get();
        if (!closed && idleNow + pageSizes[page.sizeClass] <= retainBytes && idle[page.sizeClass].offer(page)) {
            if (closed) {
                trimTo(0);
            }
            return;
        }
        discard(page);
    }

    /** Reserves bytes that an arena allocates in its own scope (oversize and per-allocation mode). */
    void reserve(long bytes, Object requester) {
        reserveOrTrim(bytes, requester);
        reservedBytes.addAndGet(bytes);
    }

    /** Gives back bytes reserved with {@link #reserve} after their scope is closed. */
    void release(long bytes) {
        reservedBytes.addAndGet(-bytes);
        budget.release(bytes);
    }

    /** Frees idle pages, largest class first, until at most {@code keepBytes} are idle. */
    void trimTo(long keepBytes) {
        for (int c = pageSizes.length - 1; c >= 0; c--) {
            Page page;
            while (idleBytes() > keepBytes && (page = idle[c].poll()) != null) {
                discard(page);
            }
        }
    }

    /** Frees every idle page; pages still held are freed when they come back. Idempotent. */
    void close() {
        closed = true;
        trimTo(0);
    }

    long idleBytes() {
        long bytes = 0;
        for (int c = 0; c < pageSizes.length; c++) {
            bytes += idle[c].size() * pageSizes[c];
        }
        return bytes;
    }

    long idlePages() {
        long pages = 0;
        for (MpmcAtomicArrayQueue<Page> queue : idle) {
            pages += queue.size();
        }
        return pages;
    }

    long livePages() {
        return livePages.get();
    }

    long reservedBytes() {
        return reservedBytes.get();
    }

    private Page allocate(int sizeClass, Object requester) {
        if (closed) {
            throw new PoolClosedException("the arena manager is closed: its pages are freed;"
                    + " acquire arenas from a live manager");
        }
        long size = pageSizes[sizeClass];
        reserveOrTrim(size, requester);
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

    /** Frees a page an arena kept (and that is no longer used), releasing its bytes. */
    void discardKept(Page page) {
        keptBytes.addAndGet(-pageSizes[page.sizeClass]);
        discard(page);
    }

    /** Frees a page this pool handed out (and that is no longer used), releasing its bytes. */
    private void discard(Page page) {
        page.free();
        long size = pageSizes[page.sizeClass];
        livePages.decrementAndGet();
        reservedBytes.addAndGet(-size);
        budget.release(size);
    }

    /**
     * Reserves, freeing idle pages first (the pool's, then those pooled arenas keep) when that is
     * what makes room. If even that would not help, fails without touching the idle pages, so a
     * refusal leaves the pool as it was.
     */
    private void reserveOrTrim(long bytes, Object requester) {
        long shortBy = bytes - (budget.limitBytes() - budget.reservedBytes());
        if (shortBy > 0) {
            long idleNow = idleBytes();
            if (idleNow >= shortBy) {
                trimTo(idleNow - shortBy);
            } else if (idleNow + keepers.keptIdleBytes() >= shortBy) {
                trimTo(0);
                keepers.freeKeptPages(shortBy - idleNow);
            }
        }
        try {
            budget.reserve(bytes, String.valueOf(requester));
        } catch (BudgetExceededException e) {
            events.exhausted(POOL_NAME, livePages.get());
            throw e;
        }
    }

    /** Whoever keeps idle pages outside this pool's free lists (pooled arenas), and gives them back on demand. */
    interface Keepers {
        /** Bytes of pages kept idle outside the pool: by pooled arenas, not by those in use. */
        long keptIdleBytes();

        /** Frees kept idle pages until at least {@code bytes} are freed, or none are left. */
        void freeKeptPages(long bytes);
    }
}

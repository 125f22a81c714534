package pools.arena;

import java.lang.foreign.MemorySegment;
import pools.api.ArenaKind;
import pools.api.PoolClosedException;
import pools.api.ScopedArena;

/**
 * One pooled arena: a bump pointer through the page it holds last, the pages it took, and the
 * per-acquisition FFM scope of the checked modes. Closing puts it on the manager's
 * {@link ClosedArenas}, from which the manager opens it again for the next acquisition; it never
 * calls the manager. Its leases call it; it makes them but never calls them.
 *
 * <p>What the host holds: in {@link StaleSegmentCheck#UNCHECKED}, a confined acquisition gets
 * this object itself (no lock, no generation: a reference kept past close reaches the next
 * acquisition) and a shared one an {@link ArenaLease} made once per arena that locks. In the checked modes every
 * acquisition gets a new {@link ArenaLease} naming its generation, so a reference kept past
 * close fails instead.
 *
 * <p>Threading: every field below is written by the thread that acquired the arena (confined)
 * or under this object's monitor (shared), and handed to the next acquirer through
 * {@link ClosedArenas} (a queue offer and poll: release and acquire). In the checked modes
 * {@link #generation} changes on every open and every close, and a stale lease fails on any
 * thread although the field is plain: a confined lease's own thread wrote the close's bump
 * itself (so it reads that value or a later one), a shared lease reads under the monitor the
 * close held, and any other thread sees a stale owner that is not itself and fails the owner
 * check. Volatile, it cost a checked 16-byte bump 3.2 instead of 2.1 ns/op (one short JMH run).
 */
final class PooledArena implements ScopedArena {
    private final ArenaKind kind;
    private final StaleSegmentCheck check;

    private int generation;
    private boolean open;
    /** The acquiring thread of a confined arena; null when shared or pooled. */
    private Thread owner;
    /** What the host holds for the current acquisition: this arena or a lease; null when closed. */
    private ScopedArena handle;
    /** The lease of shared acquisitions in the unchecked mode, made once and reused. */
    private ArenaLease uncheckedSharedLease;
    /** The acquisition's FFM scope: opened by acquire in checked modes, for oversize only otherwise. */
    private final AcquisitionScope scope;

    /**
     * The block being bumped through, and absolute addresses in it: its start, the next free
     * byte and its end. Absolute, so that the bump's chain from one allocation to the next is a
     * single add: C2 keeps this object's fields in memory across the caller's loop, so that
     * chain goes through a store and a load every allocation and is what a bump costs. With no
     * block, {@code next} is 0 and {@code end} -1, so that every request spills.
     */
    private MemorySegment current;
    private long base;
    private long next;
    private long end = -1;
    /**
     * Bytes handed out of the blocks this acquisition left behind; with {@code next - base} that
     * is {@link #allocatedBytes()}, so the bump itself keeps no second counter.
     */
    private long allocatedInEarlierBlocks;
    /**
     * The pooled page {@link #current} lies in, in the re-scoped mode only (null otherwise, and
     * for a block of the scope's own): its used bytes are recorded when the bump leaves it, so
     * that they can be zeroed at close.
     */
    private Page currentPage;
    private final HeldPages held;
    private final BlockSource blocks;
    /** Where this arena goes when closed, and what counts its closes: both shared with the manager. */
    private final ClosedArenas closedArenas;
    private final ArenaCounters counters;

    /**
     * A new arena of the kind that fills pages of {@code homeClass}, checking stale segments as
     * {@code check} says, taking pages from {@code pages}, and going to {@code closedArenas} when
     * closed.
     */
    PooledArena(ArenaKind kind, StaleSegmentCheck check, int homeClass, PagePool pages,
                ClosedArenas closedArenas, ArenaCounters counters) {
        this.kind = kind;
        this.check = check;
        this.closedArenas = closedArenas;
        this.counters = counters;
        this.held = new HeldPages(pages);
        this.scope = new AcquisitionScope(counters, pages, pages.pageSize(homeClass), this);
        this.blocks = new BlockSource(pages, closedArenas, held, scope, check, homeClass, this);
    }

    /** Opens the arena for one acquisition; returns what the host holds. */
    ScopedArena open(boolean sharedAcquisition) {
        owner = sharedAcquisition ? null : Thread.currentThread();
        open = true;
        if (check.checked()) {
            scope.open(sharedAcquisition);
            int nextGeneration = generation + 1;
            generation = nextGeneration;
            handle = ArenaLease.of(this, nextGeneration, sharedAcquisition);
        } else if (sharedAcquisition) {
            if (uncheckedSharedLease == null) {
                uncheckedSharedLease = ArenaLease.of(this, generation, true);
            }
            handle = uncheckedSharedLease;
        } else {
            handle = this;
        }
        // Starting in a kept page, a caller's loop whose allocations fit in it never reaches the
        // refill call, so C2 compiles that call as a trap and hoists this object's fields out of
        // the loop (checked bump of 16 B: 4.7 ns/op starting without a page).
        MemorySegment kept = blocks.takeFirstKept();
        if (kept != null) {
            use(kept, blocks.lastPage());
        }
        return handle;
    }

    @Override
    public ArenaKind kind() {
        return kind;
    }

    @Override
    public boolean isShared() {
        return false;
    }

    @Override
    public long allocatedBytes() {
        return open ? allocatedInEarlierBlocks + next - base : 0;
    }

    /**
     * The unchecked confined face: no lock, no generation, no zeroing, and one compare for both
     * the open and the owner check: the host holds this face only for unchecked confined
     * acquisitions, which have an owner while open and none once closed.
     */
    @Override
    public MemorySegment allocate(long byteSize, long byteAlignment) {
        if (owner != Thread.currentThread()) {
            checkOpenAndOwner();
        }
        return bump(byteSize, byteAlignment);
    }

    @Override
    public void close() {
        checkOpenAndOwner();
        endAcquisition();
        shelve(this);
    }

    /**
     * What a lease calls (a shared one holding this object's monitor): checks its generation.
     * Nothing is zeroed here: re-scoped pages are zero up to the bytes earlier acquisitions
     * used, which their close zeroed (cheaper than one fill per slice, see docs/benchmarks.md).
     */
    MemorySegment allocateFor(int leaseGeneration, long byteSize, long byteAlignment) {
        // One branch for the common case: an owner that is this thread implies an open confined acquisition.
        if (leaseGeneration != generation || owner != Thread.currentThread()) {
            checkLease(leaseGeneration);
        }
        return bump(byteSize, byteAlignment);
    }

    /** What a confined lease's close calls. */
    void closeFor(int leaseGeneration) {
        checkLease(leaseGeneration);
        ScopedArena closing = handle;
        endAcquisition();
        shelve(closing);
    }

    /** What a shared lease's close calls: the acquisition ends under this object's monitor, the shelving after it. */
    void closeSharedFor(int leaseGeneration) {
        ScopedArena closing;
        synchronized (this) {
            checkLease(leaseGeneration);
            closing = handle;
            endAcquisition();
        }
        shelve(closing);
    }

    /** What a lease's {@code allocatedBytes()} calls: 0 once its acquisition has ended. */
    long allocatedBytesFor(int leaseGeneration) {
        return generation == leaseGeneration ? allocatedBytes() : 0;
    }

    @Override
    public String toString() {
        return "pools.arena " + kind + " arena";
    }

    /** Counts the close of the acquisition the host held {@code closedHandle} for, and puts this arena on the shelf. */
    private void shelve(ScopedArena closedHandle) {
        counters.closed(closedHandle);
        closedArenas.put(this);
    }

    /** Throws unless the lease of {@code leaseGeneration} is the current one and may be used from this thread. */
    private void checkLease(int leaseGeneration) {
        if (leaseGeneration != generation) {
            throw closed();
        }
        checkOpenAndOwner();
    }

    private void checkOpenAndOwner() {
        if (!open) {
            throw closed();
        }
        if (owner != null && owner != Thread.currentThread()) {
            throw new WrongThreadException("this " + kind + " arena is confined to " + owner
                    + "; use it there, or acquire it with acquireShared to use it from other threads");
        }
    }

    /** The pages this arena holds; {@link ClosedArenas} reads and frees the kept ones while it is closed. */
    HeldPages held() {
        return held;
    }

    private PoolClosedException closed() {
        return new PoolClosedException("this " + kind + " arena is closed; acquire a new one from the ArenaManager");
    }

    /**
     * The hot path: small enough to inline into the caller's loop. The common request (the next
     * free byte already aligned, the block not full: sizes that are multiples of the alignment)
     * is checked with branches only, so that the next address depends on the last one by one
     * add; a request that needs padding or a new block takes the call. One return site, so that
     * C2 can scalar-replace the slice when the caller does not keep it.
     */
    private MemorySegment bump(long byteSize, long byteAlignment) {
        if (byteSize < 0 || byteAlignment <= 0 || (byteAlignment & (byteAlignment - 1)) != 0) {
            throw Requests.invalid(byteSize, byteAlignment);
        }
        long start = next;
        if ((start & (byteAlignment - 1)) != 0 || byteSize > end - start) {
            start = alignOrRefill(byteSize, byteAlignment);
        }
        next = start + byteSize;
        return current.asSlice(start - base, byteSize);
    }

    /**
     * The request's aligned start: in the current block if it fits there, else in a new one.
     * Rounding up cannot wrap: addresses are below 2^57 and the alignment at most 2^62.
     */
    private long alignOrRefill(long byteSize, long byteAlignment) {
        long start = (next + byteAlignment - 1) & -byteAlignment;
        if (start <= end && byteSize <= end - start) {
            return start;
        }
        return refill(byteSize, byteAlignment);
    }

    /**
     * The current block cannot hold the request: makes a new block that can the current one
     * and returns the request's aligned address in it (blocks start page- or FFM-aligned, so
     * rounding up is a no-op for a block of the scope's own). The old page's tail is not used again.
     */
    private long refill(long byteSize, long byteAlignment) {
        MemorySegment block = blocks.take(byteSize, byteAlignment, owner == null);
        use(block, blocks.lastPage());
        return (base + byteAlignment - 1) & -byteAlignment;
    }

    private void use(MemorySegment block, Page page) {
        leaveCurrentPage();
        allocatedInEarlierBlocks += next - base;
        current = block;
        currentPage = page;
        base = block.address();
        next = base;
        end = base + block.byteSize();
    }

    /** Records how much of the page being left was used, for zeroing at close (re-scoped mode). */
    private void leaveCurrentPage() {
        if (currentPage != null) {
            currentPage.usedBytes = next - base;
            currentPage = null;
        }
    }

    /**
     * Ends the acquisition: the scope first (so stale segments throw; if it cannot close, this
     * throws and nothing has changed, so close can be retried), then the pages: zeroed where
     * this acquisition used them (re-scoped mode), then kept or given back to the pool.
     */
    private void endAcquisition() {
        scope.end();
        open = false;
        if (check.checked()) {
            generation = generation + 1; // stale leases now fail (see the class comment for other threads)
        }
        owner = null;
        handle = null;
        leaveCurrentPage();
        held.endAcquisition(check == StaleSegmentCheck.RESCOPED);
        current = null;
        base = 0;
        next = 0;
        end = -1;
        allocatedInEarlierBlocks = 0;
    }
}

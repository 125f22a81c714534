package pools.arena;

import java.lang.foreign.MemorySegment;
import pools.api.ArenaKind;
import pools.api.PoolClosedException;
import pools.api.ScopedArena;

/**
 * One pooled arena: a bump pointer through the page it holds last, the pages it took, and the
 * per-acquisition FFM scope of the checked modes. The manager keeps closed ones in a free list
 * per kind (the seed's arena_pool) and opens them again for the next acquisition.
 *
 * <p>What the host holds: in {@link Safety#UNCHECKED}, a confined acquisition gets this object
 * itself (no lock, no generation: a reference kept past close reaches the next acquisition) and
 * a shared one an {@link ArenaLease} made once per arena that locks. In the checked modes every
 * acquisition gets a new {@link ArenaLease} naming its generation, so a reference kept past
 * close fails instead.
 *
 * <p>Threading: every field below is written by the thread that acquired the arena (confined)
 * or under this object's monitor (shared), and handed to the next acquirer through the
 * manager's free list (a queue offer and poll: release and acquire). {@link #generation} alone
 * is also read by stale leases on other threads, so it is volatile; in the checked modes it
 * changes on every open and every close, so a stale lease fails on any thread.
 */
final class PooledArena implements ScopedArena {
    private final PooledArenaManager manager;
    private final PagePool pages;
    private final ArenaKind kind;
    private final Safety safety;
    /** The page class this arena fills: the largest page not above its kind's size. */
    private final int homeClass;

    private volatile int generation;
    private boolean open;
    /** The acquiring thread of a confined arena; null when shared or pooled. */
    private Thread owner;
    private ScopedArena lease;
    /** The lease of shared acquisitions in the unchecked mode, made once and reused. */
    private ArenaLease sharedFace;
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
    /** Whether slices of {@link #current} must be zeroed: a reused page in the re-scoped mode. */
    private boolean zeroSlices;
    private final HeldPages held;

    PooledArena(PooledArenaManager manager, PagePool pages, ArenaKind kind, Safety safety, int homeClass) {
        this.manager = manager;
        this.pages = pages;
        this.kind = kind;
        this.safety = safety;
        this.homeClass = homeClass;
        this.held = new HeldPages(pages);
        this.scope = new AcquisitionScope(manager, pages, pages.pageSize(homeClass), this);
    }

    /** Opens the arena for one acquisition; returns what the host holds. */
    ScopedArena open(boolean sharedAcquisition) {
        owner = sharedAcquisition ? null : Thread.currentThread();
        open = true;
        if (safety.checked()) {
            scope.open(sharedAcquisition);
            int nextGeneration = generation + 1;
            generation = nextGeneration;
            lease = ArenaLease.of(this, nextGeneration, sharedAcquisition);
        } else if (sharedAcquisition) {
            if (sharedFace == null) {
                sharedFace = ArenaLease.of(this, generation, true);
            }
            lease = sharedFace;
        } else {
            lease = this;
            // Starting in a kept page, a caller's loop whose allocations fit in it never reaches
            // the refill call, so C2 compiles that call as a trap and hoists this object's fields
            // out of the loop. Only in this mode: the checked ones re-scope a page as they take it.
            Page kept = held.takeFirstKept();
            if (kept != null) {
                use(kept.memory, false);
            }
        }
        return lease;
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
            enterConfined();
        }
        return bump(byteSize, byteAlignment);
    }

    @Override
    public void close() {
        enterConfined();
        reset();
        manager.recycle(this, this);
    }

    /**
     * What a lease calls (a shared one holding this object's monitor): checks its generation,
     * and zeroes slices of re-scoped pages.
     */
    MemorySegment allocate(int expectedGeneration, long byteSize, long byteAlignment) {
        enter(expectedGeneration);
        MemorySegment slice = bump(byteSize, byteAlignment);
        if (zeroSlices) {
            slice.fill((byte) 0);
        }
        return slice;
    }

    void close(int expectedGeneration) {
        enter(expectedGeneration);
        ScopedArena closing = lease;
        reset();
        manager.recycle(this, closing);
    }

    /** Closes a shared acquisition: the reset under this object's monitor, the recycling after it. */
    void closeLocked(int expectedGeneration) {
        ScopedArena closing;
        synchronized (this) {
            enter(expectedGeneration);
            closing = lease;
            reset();
        }
        manager.recycle(this, closing);
    }

    long allocatedBytes(int expectedGeneration) {
        return generation == expectedGeneration ? allocatedBytes() : 0;
    }

    @Override
    public String toString() {
        return "pools.arena " + kind + " arena";
    }

    private void enter(int expectedGeneration) {
        if (expectedGeneration != generation) {
            throw closed();
        }
        enterConfined();
    }

    private void enterConfined() {
        if (!open) {
            throw closed();
        }
        if (owner != null && owner != Thread.currentThread()) {
            throw new WrongThreadException("this " + kind + " arena is confined to " + owner
                    + "; use it there, or acquire it with acquireShared to use it from other threads");
        }
    }

    /** Whether this pooled arena keeps pages for its next acquisition. */
    boolean hasKeptPages() {
        return held.hasKept();
    }

    /** Pages and bytes this arena keeps; read while it is pooled (see {@link HeldPages}). */
    long keptPages() {
        return held.keptPages();
    }

    long keptBytes() {
        return held.keptBytes();
    }

    /** Frees the pages this pooled arena keeps; the caller owns the arena (polled it). */
    long freeKeptPages() {
        return held.freeKept();
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
            throw badRequest(byteSize, byteAlignment);
        }
        long start = next;
        if ((start & (byteAlignment - 1)) != 0 || byteSize > end - start) {
            start = alignOrRefill(byteSize, byteAlignment);
        }
        next = start + byteSize;
        return current.asSlice(start - base, byteSize);
    }

    private static IllegalArgumentException badRequest(long byteSize, long byteAlignment) {
        return byteSize < 0
                ? new IllegalArgumentException("byteSize must be 0 or more, got " + byteSize)
                : new IllegalArgumentException("byteAlignment must be a power of two, got " + byteAlignment);
    }

    /** The request's aligned start: in the current block if it fits there, else in a new one. */
    private long alignOrRefill(long byteSize, long byteAlignment) {
        long start = (next + byteAlignment - 1) & -byteAlignment;
        if (start >= next && start <= end && byteSize <= end - start) {
            return start;
        }
        return refill(byteSize, byteAlignment);
    }

    /**
     * The current block cannot hold the request: makes a block that can (a new page, or in
     * the acquisition's scope a block of its own: oversize or per-allocation mode) the current
     * one and returns the request's address in it. The old page's tail is not used again.
     */
    private long refill(long byteSize, long byteAlignment) {
        long padded = byteSize + Math.max(0, byteAlignment - PagePool.PAGE_ALIGNMENT);
        int sizeClass = padded < 0 ? -1
                : padded <= pages.pageSize(homeClass) ? homeClass : pages.classFor(padded);
        if (sizeClass < 0 || safety == Safety.PER_ALLOCATION) {
            use(scope.allocate(byteSize, byteAlignment, sizeClass < 0, owner == null), false);
            return base;
        }
        Page page = held.take(sizeClass, this);
        boolean rescoped = safety == Safety.RESCOPED;
        use(rescoped ? page.memory.reinterpret(scope.arena(), null) : page.memory, rescoped);
        return (base + byteAlignment - 1) & -byteAlignment;
    }

    private void use(MemorySegment block, boolean zero) {
        allocatedInEarlierBlocks += next - base;
        current = block;
        base = block.address();
        next = base;
        end = base + block.byteSize();
        zeroSlices = zero;
    }

    /** Ends the acquisition: the scope first (so stale segments throw), then the pages (kept, or back to the pool). */
    private void reset() {
        open = false;
        if (safety.checked()) {
            generation = generation + 1; // a volatile write: stale leases on any thread now fail
        }
        owner = null;
        lease = null;
        scope.end();
        held.endAcquisition();
        current = null;
        base = 0;
        next = 0;
        end = -1;
        zeroSlices = false;
        allocatedInEarlierBlocks = 0;
    }
}

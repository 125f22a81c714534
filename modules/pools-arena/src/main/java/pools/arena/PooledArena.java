package pools.arena;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import pools.api.ArenaKind;
import pools.api.PoolClosedException;
import pools.api.ScopedArena;

/**
 * One pooled arena: a bump offset through the page it holds last, the pages it took, and the
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
    private boolean shared;
    /** The acquiring thread of a confined arena; null when shared or pooled. */
    private Thread owner;
    private ScopedArena lease;
    /** The lease of shared acquisitions in the unchecked mode, made once and reused. */
    private ArenaLease sharedFace;
    /** The acquisition's FFM scope: from acquire in checked modes, lazily for oversize otherwise. */
    private Arena scope;
    /** Budget bytes reserved for memory allocated in {@link #scope}, and how many are used. */
    private long scopeReserved;
    private long scopeUsed;

    private MemorySegment current;
    private long base;
    private long offset;
    /** Bytes in {@link #current}; -1 with no page so that every request spills. */
    private long limit = -1;
    private long allocated;
    /** Whether slices of {@link #current} must be zeroed: a reused page in the re-scoped mode. */
    private boolean zeroSlices;
    private final HeldPages held;

    PooledArena(PooledArenaManager manager, PagePool pages, ArenaKind kind, Safety safety, int homeClass) {
        this.manager = manager;
        this.pages = pages;
        this.kind = kind;
        this.safety = safety;
        this.homeClass = homeClass;
        this.held = new HeldPages(pages, homeClass);
    }

    /** Opens the arena for one acquisition; returns what the host holds. */
    ScopedArena open(boolean sharedAcquisition) {
        shared = sharedAcquisition;
        owner = sharedAcquisition ? null : Thread.currentThread();
        open = true;
        if (safety.checked()) {
            scope = sharedAcquisition ? Arena.ofShared() : Arena.ofConfined();
            int next = generation + 1;
            generation = next;
            lease = ArenaLease.of(this, next, sharedAcquisition);
        } else if (sharedAcquisition) {
            if (sharedFace == null) {
                sharedFace = ArenaLease.of(this, generation, true);
            }
            lease = sharedFace;
        } else {
            lease = this;
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
        return open ? allocated : 0;
    }

    /** The unchecked confined face: no lock, no generation, one owner check. */
    @Override
    public MemorySegment allocate(long byteSize, long byteAlignment) {
        enterConfined();
        return bump(byteSize, byteAlignment);
    }

    @Override
    public void close() {
        enterConfined();
        reset();
        manager.recycle(this, this);
    }

    /** What a lease calls (a shared one holding this object's monitor): checks its generation. */
    MemorySegment allocate(int expectedGeneration, long byteSize, long byteAlignment) {
        enter(expectedGeneration);
        return bump(byteSize, byteAlignment);
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
        return generation == expectedGeneration && open ? allocated : 0;
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

    /** Whether this pooled arena keeps a page for its next acquisition. */
    boolean hasKeptPage() {
        return held.hasKept();
    }

    /** Frees the page this pooled arena keeps; the caller owns the arena (polled it). */
    long freeKeptPage() {
        return held.freeKept();
    }

    private PoolClosedException closed() {
        return new PoolClosedException("this " + kind + " arena is closed; acquire a new one from the ArenaManager");
    }

    /**
     * The hot path. One return site, so that C2 can scalar-replace the slice when the caller
     * does not keep it: the rare paths only move {@link #current} and return an offset in it.
     */
    private MemorySegment bump(long byteSize, long byteAlignment) {
        if (byteSize < 0) {
            throw new IllegalArgumentException("byteSize must be 0 or more, got " + byteSize);
        }
        if (byteAlignment <= 0 || (byteAlignment & (byteAlignment - 1)) != 0) {
            throw new IllegalArgumentException("byteAlignment must be a power of two, got " + byteAlignment);
        }
        long start = ((base + offset + byteAlignment - 1) & -byteAlignment) - base;
        if (start < offset || start > limit || byteSize > limit - start) {
            start = refill(byteSize, byteAlignment);
        }
        allocated += start + byteSize - offset;
        offset = start + byteSize;
        MemorySegment slice = current.asSlice(start, byteSize);
        if (zeroSlices) {
            slice.fill((byte) 0);
        }
        return slice;
    }

    /**
     * The current block cannot hold the request: makes a block that can (a new page, or in
     * the acquisition's scope a block of its own: oversize or per-allocation mode) the current
     * one and returns the request's start in it. The old page's tail is not used again.
     */
    private long refill(long byteSize, long byteAlignment) {
        long padded = byteSize + Math.max(0, byteAlignment - PagePool.PAGE_ALIGNMENT);
        int sizeClass = padded < 0 ? -1
                : padded <= pages.pageSize(homeClass) ? homeClass : pages.classFor(padded);
        if (sizeClass < 0 || safety == Safety.PER_ALLOCATION) {
            use(allocateInScope(byteSize, byteAlignment, sizeClass < 0), false);
            return 0;
        }
        Page page = held.take(sizeClass, this);
        boolean rescoped = safety == Safety.RESCOPED;
        use(rescoped ? page.memory.reinterpret(scope, null) : page.memory, rescoped);
        return ((base + byteAlignment - 1) & -byteAlignment) - base;
    }

    private void use(MemorySegment block, boolean zero) {
        current = block;
        base = block.address();
        offset = 0;
        limit = block.byteSize();
        zeroSlices = zero;
    }

    /** A block of its own in the acquisition's scope, reserved against the budget a page at a time. */
    private MemorySegment allocateInScope(long byteSize, long byteAlignment, boolean oversize) {
        long charge = byteSize + (byteAlignment > 16 ? byteAlignment - 1 : 0);
        if (charge > scopeReserved - scopeUsed) {
            long quantum = oversize ? charge : Math.max(charge, pages.pageSize(homeClass));
            pages.reserve(quantum, this);
            scopeReserved += quantum;
        }
        if (scope == null) {
            scope = shared ? Arena.ofShared() : Arena.ofConfined();
        }
        MemorySegment memory = scope.allocate(byteSize, byteAlignment);
        scopeUsed += charge;
        if (oversize) {
            manager.countOversize();
        }
        return memory;
    }

    /** Ends the acquisition: the scope first (so stale segments throw), then pages back to the pool. */
    private void reset() {
        open = false;
        if (safety.checked()) {
            generation = generation + 1; // a volatile write: stale leases on any thread now fail
        }
        owner = null;
        lease = null;
        if (scope != null) {
            scope.close();
            scope = null;
        }
        if (scopeReserved > 0) {
            pages.release(scopeReserved);
            scopeReserved = 0;
            scopeUsed = 0;
        }
        held.returnAll(manager);
        current = null;
        base = 0;
        offset = 0;
        limit = -1;
        zeroSlices = false;
        allocated = 0;
    }
}

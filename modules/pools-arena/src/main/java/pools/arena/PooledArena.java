package pools.arena;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import pools.api.ArenaKind;
import pools.api.PoolClosedException;
import pools.api.ScopedArena;

/**
 * One pooled arena: a bump offset through the page it holds last, the pages it took, and the
 * per-acquisition FFM scope of the checked modes. The manager keeps closed ones in a free list
 * per kind (the seed's arena_pool) and opens them again for the next acquisition.
 *
 * <p>In {@link Safety#UNCHECKED} this object is the {@link ScopedArena} the host holds (its
 * generation never changes, so a reference kept past close reaches the next acquisition); in
 * the checked modes the host holds a {@link CheckedArena} that names one acquisition (a
 * generation), so a reference kept past close fails instead.
 *
 * <p>Threading: every field below is written by the thread that acquired the arena (confined)
 * or under this object's monitor (shared), and handed to the next acquirer through the
 * manager's free list (a queue offer and poll: release and acquire). {@link #generation} alone
 * is also read by stale handles on other threads, so it is volatile.
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
    private Page[] held = new Page[8];
    private int heldCount;

    PooledArena(PooledArenaManager manager, PagePool pages, ArenaKind kind, Safety safety, int homeClass) {
        this.manager = manager;
        this.pages = pages;
        this.kind = kind;
        this.safety = safety;
        this.homeClass = homeClass;
    }

    /** Opens the arena for one acquisition; returns what the host holds. */
    ScopedArena open(boolean sharedAcquisition) {
        shared = sharedAcquisition;
        owner = sharedAcquisition ? null : Thread.currentThread();
        open = true;
        if (!safety.checked()) {
            lease = this;
            return this;
        }
        scope = sharedAcquisition ? Arena.ofShared() : Arena.ofConfined();
        int next = generation + 1;
        generation = next;
        lease = new CheckedArena(this, next, sharedAcquisition);
        return lease;
    }

    @Override
    public ArenaKind kind() {
        return kind;
    }

    @Override
    public boolean isShared() {
        return shared;
    }

    @Override
    public long allocatedBytes() {
        return open ? allocated : 0;
    }

    @Override
    public MemorySegment allocate(long byteSize, long byteAlignment) {
        return allocate(generation, byteSize, byteAlignment);
    }

    @Override
    public void close() {
        close(generation);
    }

    MemorySegment allocate(int expectedGeneration, long byteSize, long byteAlignment) {
        if (shared) {
            synchronized (this) {
                enter(expectedGeneration);
                return bump(byteSize, byteAlignment);
            }
        }
        enter(expectedGeneration);
        return bump(byteSize, byteAlignment);
    }

    void close(int expectedGeneration) {
        ScopedArena closing;
        if (shared) {
            synchronized (this) {
                enter(expectedGeneration);
                closing = lease;
                reset();
            }
        } else {
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
        if (expectedGeneration != generation || !open) {
            throw new PoolClosedException("this " + kind + " arena is closed; acquire a new one from the ArenaManager");
        }
        if (owner != null && owner != Thread.currentThread()) {
            throw new WrongThreadException("this " + kind + " arena is confined to " + owner
                    + "; use it there, or acquire it with acquireShared to use it from other threads");
        }
    }

    private MemorySegment bump(long byteSize, long byteAlignment) {
        if (byteSize < 0) {
            throw new IllegalArgumentException("byteSize must be 0 or more, got " + byteSize);
        }
        if (byteAlignment <= 0 || (byteAlignment & (byteAlignment - 1)) != 0) {
            throw new IllegalArgumentException("byteAlignment must be a power of two, got " + byteAlignment);
        }
        long start = ((base + offset + byteAlignment - 1) & -byteAlignment) - base;
        if (start >= offset && start <= limit && byteSize <= limit - start) {
            allocated += start + byteSize - offset;
            offset = start + byteSize;
            MemorySegment slice = current.asSlice(start, byteSize);
            return safety == Safety.RESCOPED ? slice.fill((byte) 0) : slice;
        }
        return spill(byteSize, byteAlignment);
    }

    /** The current page cannot hold the request: a new page, scoped memory, or an oversize block. */
    private MemorySegment spill(long byteSize, long byteAlignment) {
        long padded = byteSize + Math.max(0, byteAlignment - PagePool.PAGE_ALIGNMENT);
        int sizeClass = padded < 0 ? -1
                : padded <= pages.pageSize(homeClass) ? homeClass : pages.classFor(padded);
        if (sizeClass < 0 || safety == Safety.PER_ALLOCATION) {
            return allocateInScope(byteSize, byteAlignment, sizeClass < 0);
        }
        if (heldCount == held.length) {
            held = Arrays.copyOf(held, heldCount * 2);
        }
        Page page = pages.take(sizeClass, this);
        held[heldCount++] = page;
        current = safety == Safety.RESCOPED ? page.memory.reinterpret(scope, null) : page.memory;
        base = page.memory.address();
        offset = 0;
        limit = page.memory.byteSize();
        return bump(byteSize, byteAlignment);
    }

    /** Memory of its own in the acquisition's scope, reserved against the budget a page at a time. */
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
        allocated += byteSize;
        if (oversize) {
            manager.countOversize();
        }
        return memory;
    }

    /** Ends the acquisition: the scope first (so stale segments throw), then pages back to the pool. */
    private void reset() {
        open = false;
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
        for (int i = 0; i < heldCount; i++) {
            pages.give(held[i]);
            held[i] = null;
        }
        heldCount = 0;
        current = null;
        base = 0;
        offset = 0;
        limit = -1;
        allocated = 0;
    }
}

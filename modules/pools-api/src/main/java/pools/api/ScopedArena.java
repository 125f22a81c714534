package pools.api;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;

/**
 * Scratch memory for one operation: a {@link SegmentAllocator} that bumps an offset through
 * pooled off-heap pages, and gives all of it back in one O(1) step on {@link #close()}. Use it
 * with try-with-resources.
 *
 * <p>A confined arena may be used only by the thread that acquired it ({@link WrongThreadException}
 * otherwise); a shared one by any thread. After {@code close()}, allocating throws
 * {@link PoolClosedException}, and segments it handed out are no longer accessible (accessing
 * them throws {@link IllegalStateException}) instead of aliasing memory someone else now uses.
 */
public interface ScopedArena extends SegmentAllocator, AutoCloseable {

    /** The kind this arena was acquired as. */
    ArenaKind kind();

    /** Whether any thread may use this arena, rather than only the one that acquired it. */
    boolean isShared();

    /** Bytes handed out since this arena was acquired, alignment padding included. */
    long allocatedBytes();

    /**
     * Bumps out {@code byteSize} bytes aligned to {@code byteAlignment}. The memory is not
     * zeroed unless the caller asks through {@link SegmentAllocator#allocate(long)}'s contract.
     *
     * @throws IllegalArgumentException if the size is negative or the alignment not a power of two
     * @throws PoolClosedException if the arena is closed
     * @throws BudgetExceededException if a new page would overrun the memory budget
     */
    @Override
    MemorySegment allocate(long byteSize, long byteAlignment);

    /**
     * Returns every page to the page pool and this arena to the manager, in O(1).
     *
     * @throws PoolClosedException if the arena is already closed
     */
    @Override
    void close();
}

package pools.api;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;

/**
 * Scratch memory for one operation: a {@link SegmentAllocator} that bumps an offset through
 * pooled off-heap pages, and gives all of it back in one O(1) step on {@link #close()}. Use it
 * with try-with-resources.
 *
 * <p>A confined arena may be used (allocate, close) only by the thread that acquired it
 * ({@link WrongThreadException} otherwise); a shared one by any thread, concurrently (its calls
 * are serialized by a lock).
 *
 * <p>What holds after {@code close()} depends on {@link PoolConfig#checkedArenas()}:
 * <ul>
 * <li><b>Checked</b> ({@code checkedArenas(true)}, for tests and for code that lets segments escape): allocating or closing again throws
 * {@link PoolClosedException}, even if the manager has since handed the same pooled arena to
 * someone else; segments the arena handed out are no longer accessible (accessing them throws
 * {@link IllegalStateException}) instead of aliasing memory someone else now uses; and every
 * allocation is zeroed, so nothing a previous holder of the page wrote is visible. Segments of
 * a confined arena are confined too: other threads get {@link WrongThreadException} on access.
 * The built-in provider does this cheaply (a confined FFM scope per acquisition, pooled pages
 * re-scoped to it) when native access is enabled for its module
 * ({@code --enable-native-access=pools.arena}); without it, each acquisition is its own FFM
 * arena and each allocation a {@code malloc}, equally safe but not pooled. Closing a checked
 * shared arena closes a shared FFM scope, which costs a handshake with every thread (microseconds).</li>
 * <li><b>Unchecked</b> (the default, the fast mode the benchmarks measure): nothing of the above is checked once the arena is
 * closed. Segments stay readable and writable and alias the page's next holder; a reference to
 * the arena kept past close may reach the next acquisition of the same pooled object, so
 * allocating or closing through it is undetected misuse; memory is not zeroed and may hold
 * what a previous holder wrote. It is the default because it is the only mode that is both
 * pooled and flag-free; it suits scratch memory that never escapes the try-with-resources block,
 * and a host's tests can run checked to prove that it does not.</li>
 * </ul>
 * In both modes allocating through a closed arena that has not been handed out again throws
 * {@link PoolClosedException}.
 */
public interface ScopedArena extends SegmentAllocator, AutoCloseable {

    /** The kind this arena was acquired as. */
    ArenaKind kind();

    /** Whether any thread may use this arena, rather than only the one that acquired it. */
    boolean isShared();

    /** Bytes handed out since this arena was acquired, alignment padding included. */
    long allocatedBytes();

    /**
     * Bumps out {@code byteSize} bytes aligned to {@code byteAlignment}. The memory is zeroed in
     * the checked mode and holds whatever the page held before in the unchecked one.
     *
     * @throws IllegalArgumentException if the size is negative or the alignment not a power of two
     * @throws PoolClosedException if the arena is closed
     * @throws BudgetExceededException if a new page would overrun the memory budget
     */
    @Override
    MemorySegment allocate(long byteSize, long byteAlignment);

    /**
     * Gives the arena back to the manager with its pages: O(1) in the bytes allocated (the bump
     * offset is reset, nothing is cleared). The built-in provider lets a closed arena keep the
     * pages it used for its next acquisitions (within the idle retain limit), so a steady
     * workload's close gives no page back and costs the same however many pages it used; pages
     * beyond the limit go back to the page pool one by one.
     *
     * @throws PoolClosedException if the arena is already closed (checked mode: always;
     *                             unchecked: unless it has been acquired again since)
     */
    @Override
    void close();
}

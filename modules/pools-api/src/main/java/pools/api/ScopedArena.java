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
 * <p>What holds after {@code close()} depends on the mode the manager runs in
 * ({@link ArenaStats#mode()}), chosen from {@link PoolConfig.SafetyChecks#arenaSafety()}:
 * <ul>
 * <li><b>Checked</b> ({@link ArenaSafety#CHECKED}, and {@link ArenaSafety#AUTO}, the default,
 * when module {@code pools.arena} has native access): allocating or closing again throws
 * {@link PoolClosedException}, even if the manager has since handed the same pooled arena to
 * someone else; segments the arena handed out are no longer accessible (accessing them throws
 * {@link IllegalStateException}) instead of aliasing memory someone else now uses; and every
 * allocation is zeroed, like {@code Arena.allocate}, so nothing a previous holder wrote is
 * visible. Segments of a confined arena are confined too: other threads get
 * {@link WrongThreadException} on access. The built-in provider does this cheaply (an FFM scope
 * per acquisition, pooled pages re-scoped to it, the bytes used zeroed at close) when the host
 * grants native access ({@code --enable-native-access=pools.arena}, or {@code ALL-UNNAMED} on
 * the class path); without it, {@code CHECKED} makes each allocation its own {@code malloc},
 * equally safe but slower ({@link ArenaMode#CHECKED_UNPOOLED}). Closing a checked shared arena
 * closes a shared FFM scope, which costs a handshake with every thread (microseconds).</li>
 * <li><b>Unchecked</b> ({@link ArenaSafety#UNCHECKED}, an explicit opt-in, and {@code AUTO}
 * without native access, which every report then states): nothing of the above is checked
 * once the arena is closed. Segments stay readable and writable and alias the page's next
 * holder; a reference to the arena kept past close may reach the next acquisition of the same
 * pooled object, so allocating or closing through it is undetected misuse; memory is not zeroed
 * and may hold what a previous holder wrote. It suits scratch memory that never escapes the
 * try-with-resources block.</li>
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
     * Bumps out {@code byteSize} bytes aligned to {@code byteAlignment} (both in bytes). The
     * memory is zeroed in the checked modes and holds whatever the page held before in the
     * unchecked one. A refused request changes nothing: the arena stays usable and the budget
     * as it was.
     *
     * @throws IllegalArgumentException if the size is negative, the alignment not a positive
     *                                  power of two, or size plus alignment padding exceeds
     *                                  {@code Long.MAX_VALUE} (no machine has that much memory)
     * @throws PoolClosedException if the arena is closed
     * @throws BudgetExceededException if a new page or block would overrun the memory budget
     *                                 (after giving back idle pages, this arena's own unused
     *                                 kept pages included)
     * @throws WrongThreadException if a confined arena is used from another thread
     */
    @Override
    MemorySegment allocate(long byteSize, long byteAlignment);

    /**
     * Gives the arena back to the manager with its pages: O(1) in the bytes allocated (the bump
     * offset is reset, nothing is cleared). The built-in provider lets a closed arena keep the
     * pages it used for its next acquisitions (within the idle retain limit), so a steady
     * workload's close gives no page back and costs the same however many pages it used; pages
     * beyond the limit are freed one by one.
     *
     * @throws PoolClosedException if the arena is already closed (checked mode: always;
     *                             unchecked: unless it has been acquired again since)
     * @throws IllegalStateException if a shared arena's FFM scope cannot close because a native
     *                               call still holds one of its segments; nothing is closed
     *                               then, and close may be called again once the call returns
     */
    @Override
    void close();
}

package pools.arena;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * One pooled page. Each page has its own shared FFM arena so that trimming it really returns the
 * memory to the OS (one long-lived arena could only free everything at once). Shared because a
 * page moves between threads; closing a shared arena costs a handshake, paid only on trimming.
 */
final class Page {
    /** The whole page; written once in the constructor, published through the page queues. */
    final MemorySegment memory;
    /** Index into the page pool's size classes (small, medium, large). */
    final int sizeClass;
    private final Arena owner;
    /**
     * Bytes from the page's start that the acquisition holding it may have written (re-scoped
     * mode only), zeroed and reset to 0 at its close. Plain: written and read only by the
     * page's holder, and handed on with the page through a queue (release/acquire).
     */
    long usedBytes;

    Page(Arena owner, MemorySegment memory, int sizeClass) {
        this.owner = owner;
        this.memory = memory;
        this.sizeClass = sizeClass;
    }

    /** Frees the page; any segment still pointing into it throws from now on. */
    void free() {
        owner.close();
    }
}

package pools.arena;

/**
 * How an arena fences off the memory it handed out once it is closed. Chosen once per manager
 * from {@code PoolConfig.checkedArenas()} and whether this module may call restricted FFM methods.
 */
enum Safety {
    /**
     * Fast mode: segments are plain slices of pooled pages. After close they stay readable and
     * writable and alias whatever the page's next holder writes there; memory is not zeroed.
     */
    UNCHECKED,
    /**
     * Checked, pages pooled: each acquisition opens its own FFM scope and re-scopes its pages to
     * it ({@code MemorySegment.reinterpret}, a restricted method, so only with native access
     * enabled for this module); closing the scope makes every segment it handed out throw.
     * Allocations are zeroed, so nothing a previous holder wrote is visible.
     */
    RESCOPED,
    /**
     * Checked, without native access: each acquisition is its own FFM arena and every allocation
     * a {@code malloc} in it (zeroed by FFM), freed when the arena closes. Nothing is pooled but
     * the arena objects and the budget accounting, which is reserved a page at a time.
     */
    PER_ALLOCATION;

    /** The safety a manager gets: checked picks the cheapest checked mode this module may use. */
    static Safety choose(boolean checked, Module module) {
        if (!checked) {
            return UNCHECKED;
        }
        return module.isNativeAccessEnabled() ? RESCOPED : PER_ALLOCATION;
    }

    boolean checked() {
        return this != UNCHECKED;
    }
}

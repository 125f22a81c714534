package pools.arena;

import pools.api.ArenaMode;
import pools.api.ArenaSafety;

/**
 * How a manager's arenas catch a stale segment: one used after the arena that handed it out was
 * closed. Each value also decides where an acquisition's memory comes from (pooled pages, pooled
 * pages re-scoped to the acquisition, or one {@code malloc} per allocation), since that is what
 * makes the check possible. Chosen once per manager from
 * {@code PoolConfig.safetyChecks().arenaSafety()} and whether this module may call restricted FFM
 * methods; reported as the {@link ArenaMode} it maps to.
 */
enum StaleSegmentCheck {
    /**
     * Fast mode: segments are plain slices of pooled pages. After close they stay readable and
     * writable and alias whatever the page's next holder writes there; memory is not zeroed.
     */
    UNCHECKED(ArenaMode.UNCHECKED),
    /**
     * Checked, pages pooled: each acquisition opens its own FFM scope and re-scopes its pages to
     * it ({@code MemorySegment.reinterpret}, a restricted method, so only with native access
     * enabled for this module); closing the scope makes every segment it handed out throw.
     * Pages are all zero while no acquisition holds them: new ones come zeroed from FFM, and an
     * acquisition zeroes the bytes it used once its scope is closed (see {@link HeldPages}).
     */
    RESCOPED(ArenaMode.CHECKED_POOLED),
    /**
     * Checked, without native access: each acquisition is its own FFM arena and every allocation
     * a {@code malloc} in it (zeroed by FFM), freed when the arena closes. Nothing is pooled but
     * the arena objects and the budget accounting, which is reserved a page at a time.
     */
    PER_ALLOCATION(ArenaMode.CHECKED_UNPOOLED);

    private final ArenaMode mode;

    StaleSegmentCheck(ArenaMode mode) {
        this.mode = mode;
    }

    /** The check a manager gets: AUTO is checked exactly when the cheap checked mode is allowed. */
    static StaleSegmentCheck choose(ArenaSafety policy, Module module) {
        boolean nativeAccess = module.isNativeAccessEnabled();
        return switch (policy) {
            case UNCHECKED -> UNCHECKED;
            case CHECKED -> nativeAccess ? RESCOPED : PER_ALLOCATION;
            case AUTO -> nativeAccess ? RESCOPED : UNCHECKED;
        };
    }

    /** What the reports say about this mode, naming the flag that would make it checked or pooled. */
    String describe(ArenaSafety policy, Module module) {
        String flag = "--enable-native-access=" + (module.isNamed() ? module.getName() : "ALL-UNNAMED");
        String unchecked = "a segment used after its arena closes is not detected: it reads and writes"
                + " memory the next holder may be using, and allocations are not zeroed";
        return switch (this) {
            case RESCOPED -> "checked and pooled: a segment used after its arena closes throws"
                    + " IllegalStateException, and allocations are zeroed";
            case PER_ALLOCATION -> "checked but slower: a segment used after its arena closes throws"
                    + " IllegalStateException and allocations are zeroed, but every allocation is its own"
                    + " malloc because module pools.arena has no native access; run with " + flag
                    + " to pool pages";
            case UNCHECKED -> policy == ArenaSafety.UNCHECKED
                    ? "UNCHECKED, as the config chose (ArenaSafety.UNCHECKED): " + unchecked
                    : "UNCHECKED because module pools.arena has no native access: " + unchecked
                            + "; run with " + flag + " to make arenas checked";
        };
    }

    ArenaMode mode() {
        return mode;
    }

    boolean checked() {
        return this != UNCHECKED;
    }
}

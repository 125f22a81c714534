package pools.api;

/**
 * The mode an arena manager runs in, chosen from {@link PoolConfig.SafetyChecks#arenaSafety()} and what the
 * JVM allows; {@link ArenaStats#mode()} reports it and {@link ArenaStats#modeDescription()}
 * explains it in words. See {@link ScopedArena} for what each mode guarantees after close.
 */
public enum ArenaMode {
    /** Checked, pages pooled: each acquisition's FFM scope covers the pooled pages it uses. */
    CHECKED_POOLED,
    /** Checked without native access: each allocation is its own {@code malloc}, safe but slower. */
    CHECKED_UNPOOLED,
    /** Nothing is checked after close, by the config's choice or for want of native access. */
    UNCHECKED;

    /** Whether a segment used after its arena closes throws and allocations are zeroed. */
    public boolean checked() {
        return this != UNCHECKED;
    }
}

package pools.api;

/**
 * What a host asks of its arenas once they are closed ({@link PoolConfig.SafetyChecks#arenaSafety()}). The
 * mode an arena manager actually runs in, which may depend on the JVM's flags, is
 * {@link ArenaStats#mode()}; every report shows it.
 *
 * <p>The built-in provider (module {@code pools.arena}) can give each acquisition its own FFM
 * scope cheaply only with native access, which a host grants with
 * {@code --enable-native-access=pools.arena} ({@code ALL-UNNAMED} when the jar is on the class
 * path). It never calls a restricted method without it, so the JDK prints no warning.
 */
public enum ArenaSafety {
    /**
     * The default: {@link #CHECKED} and pooled when {@code pools.arena} has native access;
     * otherwise {@link #UNCHECKED}, and then the JSON report, the periodic JFR event, the system
     * MXBean and {@link MemoryPoolSystem#toString()} say so and name the flag that turns checking on.
     */
    AUTO,
    /**
     * Always checked: a segment used after its arena closes throws {@link IllegalStateException}
     * and allocations are zeroed. Pooled with native access; without it each allocation is its
     * own {@code malloc}, equally safe but slower (the reports say so).
     */
    CHECKED,
    /**
     * The explicit opt-in to the fast mode that checks nothing after close: a segment kept past
     * its arena's {@code close()} reads and writes memory its page's next holder may be using,
     * and memory is not zeroed. For scratch memory that provably never escapes its
     * try-with-resources block.
     */
    UNCHECKED
}

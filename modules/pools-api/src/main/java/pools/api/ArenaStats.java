package pools.api;

import java.util.Objects;

/**
 * A snapshot of an {@link ArenaManager}: the seed's active and pooled arena counts, plus the
 * pages behind them.
 *
 * @param activeArenas         arenas acquired and not yet closed
 * @param pooledArenas         closed arenas kept for reuse
 * @param acquisitions         arenas handed out so far
 * @param pagesInUse           pages held by active arenas
 * @param idlePages            pages kept for reuse by closed arenas for their next acquisition
 *                             (the built-in manager keeps the pages an arena used with the arena,
 *                             so that close does not depend on how many it used; another
 *                             implementation may also keep free pages apart from any arena)
 * @param reservedBytes        off-heap bytes the manager holds against the budget
 * @param oversizeAllocations  requests larger than the largest page, served on their own
 * @param mode                 whether arenas are checked after close, and pooled
 * @param modeDescription      the mode in plain words; when arenas are unchecked or slower than
 *                             they could be, it names the JVM flag that changes that
 */
public record ArenaStats(
        long activeArenas,
        long pooledArenas,
        long acquisitions,
        long pagesInUse,
        long idlePages,
        long reservedBytes,
        long oversizeAllocations,
        ArenaMode mode,
        String modeDescription) {

    public ArenaStats {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(modeDescription, "modeDescription");
    }
}

package pools.arena;

import java.util.concurrent.atomic.LongAdder;
import pools.api.ScopedArena;
import pools.api.spi.PoolEvents;

/**
 * What a manager counts of its arenas (acquisitions, closes, oversize requests), and the leases
 * it reports to the event sink when leak tracking is on. Written by the manager (acquisitions)
 * and by arenas (closes, oversize), read by the manager's stats.
 *
 * <p>Striped ({@link LongAdder}) so that acquire and close on many threads do not meet on one
 * cache line; the sums are exact when no thread is acquiring or closing.
 */
final class ArenaCounters {
    private final PoolEvents events;
    private final boolean tracksLeases;
    private final LongAdder acquisitions = new LongAdder();
    private final LongAdder closes = new LongAdder();
    private final LongAdder oversize = new LongAdder();

    ArenaCounters(PoolEvents events, boolean tracksLeases) {
        this.events = events;
        this.tracksLeases = tracksLeases;
    }

    /** Counts an acquisition; {@code handle} is what the host holds for it. */
    void acquired(ScopedArena handle) {
        acquisitions.increment();
        if (tracksLeases) {
            events.acquired(PagePool.POOL_NAME, handle);
        }
    }

    /** Counts a close; {@code handle} is what the host held for the acquisition. */
    void closed(ScopedArena handle) {
        closes.increment();
        if (tracksLeases) {
            events.released(PagePool.POOL_NAME, handle);
        }
    }

    void oversize() {
        oversize.increment();
    }

    long acquisitions() {
        return acquisitions.sum();
    }

    long closes() {
        return closes.sum();
    }

    long oversizeAllocations() {
        return oversize.sum();
    }
}

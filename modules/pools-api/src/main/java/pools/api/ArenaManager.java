package pools.api;

/**
 * Hands out {@link ScopedArena}s of the seed's three kinds, reusing closed ones and the pages
 * behind them, so a steady workload allocates nothing from the OS or the heap. Pages are
 * reserved against the system's {@link MemoryBudget}; idle pages beyond
 * {@link PoolConfig#arenaIdleRetainBytes()} go back to the OS.
 *
 * <p>Thread-safe. {@link #close()} frees every page; arenas still open fail on next use.
 */
public interface ArenaManager extends AutoCloseable {

    /** An arena confined to the calling thread. */
    ScopedArena acquire(ArenaKind kind);

    /** An arena any thread may use; it pays for that with a shared scope. */
    ScopedArena acquireShared(ArenaKind kind);

    /** A snapshot of the manager's counters. */
    ArenaStats stats();

    /** Frees every page. Idempotent. */
    @Override
    void close();
}

package pools.api;

import java.util.Objects;
import java.util.function.Function;

/**
 * Hands out {@link ScopedArena}s of the seed's three kinds, reusing closed ones and the pages
 * behind them, so a steady workload allocates nothing from the OS or the heap. Pages are
 * reserved against the system's {@link MemoryBudget}; idle pages beyond
 * {@link PoolConfig.Budget#arenaIdleRetainBytes()} go back to the OS.
 *
 * <p>Thread-safe. {@link #close()} frees every idle page and refuses new acquisitions; an arena
 * still open keeps the pages it holds until it closes (they are freed then, not pooled) and fails
 * with {@link PoolClosedException} when it needs a new page.
 */
public interface ArenaManager extends AutoCloseable {

    /** An arena confined to the calling thread. */
    ScopedArena acquire(ArenaKind kind);

    /** An arena any thread may use; it pays for that with a shared scope. */
    ScopedArena acquireShared(ArenaKind kind);

    /**
     * Runs {@code operation} with a confined arena of {@code kind} and closes the arena when it
     * returns or throws: the seed's "primitive context", for a host operation whose scratch
     * memory must not outlive it. Whatever the operation returns must not hold the arena's
     * segments (they are gone once this returns); copy results out to memory the host owns.
     *
     * <pre>{@code
     * long checksum = arenas.withArena(ArenaKind.PRIMITIVE, scratch -> {
     *     MemorySegment buffer = scratch.allocate(payload.length);
     *     MemorySegment.copy(payload, 0, buffer, ValueLayout.JAVA_BYTE, 0, payload.length);
     *     return validate(buffer);
     * });
     * }</pre>
     *
     * @throws NullPointerException if {@code kind} or {@code operation} is null
     */
    default <R> R withArena(ArenaKind kind, Function<? super ScopedArena, ? extends R> operation) {
        Objects.requireNonNull(operation, "operation");
        try (ScopedArena arena = acquire(kind)) {
            return operation.apply(arena);
        }
    }

    /** A snapshot of the manager's counters. */
    ArenaStats stats();

    /** Frees every page. Idempotent. */
    @Override
    void close();
}

package pools.arena;

import java.lang.foreign.MemorySegment;
import pools.api.ArenaKind;
import pools.api.ScopedArena;

/**
 * What the host holds for a checked or a shared acquisition of a pooled arena, named by its
 * generation. Every call is checked against it (and locks the arena when shared), so in the
 * checked modes using this after close, or closing it twice, throws even when the arena behind
 * it has been acquired again since. (The unchecked mode's shared lease is made once per arena
 * and its generation never changes, so there it only checks that the arena is open.)
 */
final class ArenaLease implements ScopedArena {
    private final PooledArena arena;
    private final int generation;
    private final boolean shared;

    ArenaLease(PooledArena arena, int generation, boolean shared) {
        this.arena = arena;
        this.generation = generation;
        this.shared = shared;
    }

    @Override
    public ArenaKind kind() {
        return arena.kind();
    }

    @Override
    public boolean isShared() {
        return shared;
    }

    @Override
    public long allocatedBytes() {
        return arena.allocatedBytes(generation);
    }

    @Override
    public MemorySegment allocate(long byteSize, long byteAlignment) {
        return arena.allocate(generation, byteSize, byteAlignment);
    }

    @Override
    public void close() {
        arena.close(generation);
    }

    @Override
    public String toString() {
        return arena + (shared ? " (shared)" : "");
    }
}

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
 *
 * <p>Confined and shared leases are two classes rather than a flag, so that a call site sees one
 * type and the allocation path has one return: that lets C2 scalar-replace the slice.
 */
abstract sealed class ArenaLease implements ScopedArena {
    final PooledArena arena;
    final int generation;

    private ArenaLease(PooledArena arena, int generation) {
        this.arena = arena;
        this.generation = generation;
    }

    static ArenaLease of(PooledArena arena, int generation, boolean shared) {
        return shared ? new Shared(arena, generation) : new Confined(arena, generation);
    }

    @Override
    public ArenaKind kind() {
        return arena.kind();
    }

    @Override
    public long allocatedBytes() {
        return arena.allocatedBytesFor(generation);
    }

    @Override
    public String toString() {
        return arena + (isShared() ? " (shared)" : "");
    }

    /** A lease of a confined acquisition: the owner check is the arena's. */
    static final class Confined extends ArenaLease {
        Confined(PooledArena arena, int generation) {
            super(arena, generation);
        }

        @Override
        public boolean isShared() {
            return false;
        }

        @Override
        public MemorySegment allocate(long byteSize, long byteAlignment) {
            return arena.allocateFor(generation, byteSize, byteAlignment);
        }

        @Override
        public void close() {
            arena.closeFor(generation);
        }
    }

    /** A lease of a shared acquisition: every call holds the arena's monitor. */
    static final class Shared extends ArenaLease {
        Shared(PooledArena arena, int generation) {
            super(arena, generation);
        }

        @Override
        public boolean isShared() {
            return true;
        }

        @Override
        public MemorySegment allocate(long byteSize, long byteAlignment) {
            synchronized (arena) {
                return arena.allocateFor(generation, byteSize, byteAlignment);
            }
        }

        @Override
        public void close() {
            arena.closeSharedFor(generation);
        }
    }
}

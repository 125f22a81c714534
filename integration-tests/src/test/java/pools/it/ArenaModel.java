package pools.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import pools.api.ArenaKind;
import pools.api.ArenaManager;
import pools.api.ArenaStats;
import pools.api.PoolClosedException;
import pools.api.ScopedArena;

/**
 * A reference model of an {@link ArenaManager} in the checked mode, driven side by side with the
 * real one: after every step the active, pooled and acquisition counts equal the model's, every
 * allocation has the size and alignment asked for, and every misuse throws its exception and
 * leaves the stats exactly as they were.
 */
final class ArenaModel {

    /** One step of a random sequence; {@code pick} chooses among open or closed arenas, modulo their count. */
    sealed interface Op permits Acquire, Allocate, Close, CloseAgain, AllocateAfterClose, BadAllocate { }

    record Acquire(int kind, boolean shared) implements Op { }

    record Allocate(int pick, long size, int alignmentShift) implements Op { }

    record Close(int pick) implements Op { }

    record CloseAgain(int pick) implements Op { }

    record AllocateAfterClose(int pick) implements Op { }

    record BadAllocate(int pick, boolean negativeSize) implements Op { }

    private final ArenaManager manager;
    private final List<ScopedArena> open = new ArrayList<>();
    private final Map<ScopedArena, List<MemorySegment>> segments = new IdentityHashMap<>();
    private final List<ScopedArena> closed = new ArrayList<>();
    private final long[] created = new long[ArenaKind.values().length];
    private long acquisitions;

    ArenaModel(ArenaManager manager) {
        this.manager = manager;
    }

    void apply(Op op) {
        switch (op) {
            case Acquire(int kind, boolean shared) -> acquire(ArenaKind.values()[kind], shared);
            case Allocate(int pick, long size, int shift) -> {
                if (!open.isEmpty()) {
                    allocate(open.get(pick % open.size()), size, 1L << shift);
                }
            }
            case Close(int pick) -> {
                if (!open.isEmpty()) {
                    ScopedArena arena = open.remove(pick % open.size());
                    arena.close();
                    closed.add(arena);
                    for (MemorySegment stale : segments.getOrDefault(arena, List.of())) {
                        if (stale.byteSize() == 0) {
                            continue; // nothing to read in an empty segment
                        }
                        assertThrows(IllegalStateException.class, () -> stale.get(ValueLayout.JAVA_BYTE, 0),
                                "a segment is out of reach once its arena closed");
                    }
                    segments.remove(arena);
                }
            }
            case CloseAgain(int pick) -> {
                if (!closed.isEmpty()) {
                    unchanged(() -> assertThrows(PoolClosedException.class, closed.get(pick % closed.size())::close));
                }
            }
            case AllocateAfterClose(int pick) -> {
                if (!closed.isEmpty()) {
                    ScopedArena arena = closed.get(pick % closed.size());
                    unchanged(() -> assertThrows(PoolClosedException.class, () -> arena.allocate(16, 8)));
                }
            }
            case BadAllocate(int pick, boolean negativeSize) -> {
                if (!open.isEmpty()) {
                    ScopedArena arena = open.get(pick % open.size());
                    long before = arena.allocatedBytes();
                    unchanged(() -> assertThrows(IllegalArgumentException.class,
                            () -> arena.allocate(negativeSize ? -1 : 16, negativeSize ? 8 : 24)));
                    assertEquals(before, arena.allocatedBytes(), "a refused allocation takes nothing");
                }
            }
        }
        check();
    }

    private void acquire(ArenaKind kind, boolean shared) {
        long openOfKind = open.stream().filter(a -> a.kind() == kind).count();
        if (created[kind.ordinal()] == openOfKind) {
            created[kind.ordinal()]++;
        }
        ScopedArena arena = shared ? manager.acquireShared(kind) : manager.acquire(kind);
        assertEquals(kind, arena.kind());
        assertEquals(shared, arena.isShared());
        assertEquals(0, arena.allocatedBytes(), "a pooled arena comes back empty");
        acquisitions++;
        open.add(arena);
    }

    private void allocate(ScopedArena arena, long size, long alignment) {
        long before = arena.allocatedBytes();
        MemorySegment segment = arena.allocate(size, alignment);
        assertEquals(size, segment.byteSize());
        assertEquals(0, segment.address() % alignment, "aligned to " + alignment);
        assertTrue(arena.allocatedBytes() >= before + size, "allocatedBytes counts every byte handed out");
        for (long offset = 0; offset < size; offset += 97) {
            assertEquals(0, segment.get(ValueLayout.JAVA_BYTE, offset), "checked arenas hand out zeroed memory");
        }
        segment.fill((byte) 0x5A);
        segments.computeIfAbsent(arena, a -> new ArrayList<>()).add(segment);
    }

    private void unchanged(Runnable misuse) {
        ArenaStats before = manager.stats();
        misuse.run();
        assertEquals(before, manager.stats(), "misuse changed the manager's stats");
    }

    private void check() {
        ArenaStats stats = manager.stats();
        assertEquals(open.size(), stats.activeArenas(), stats.toString());
        assertEquals(acquisitions, stats.acquisitions(), stats.toString());
        long pooled = 0;
        for (ArenaKind kind : ArenaKind.values()) {
            pooled += created[kind.ordinal()] - open.stream().filter(a -> a.kind() == kind).count();
        }
        assertEquals(pooled, stats.pooledArenas(), "closed arenas are kept for reuse: " + stats);
    }

    /** Closes what is open and checks every page came back. */
    void closeAll() {
        open.forEach(ScopedArena::close);
        open.clear();
        ArenaStats stats = manager.stats();
        assertEquals(0, stats.activeArenas());
        assertEquals(0, stats.pagesInUse(), "pages not given back: " + stats);
    }
}

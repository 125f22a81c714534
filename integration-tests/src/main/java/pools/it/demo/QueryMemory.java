package pools.it.demo;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import pools.api.ArenaKind;
import pools.api.MemoryPoolSystem;
import pools.api.Neighbors;
import pools.api.ObjectPool;
import pools.api.ScopedArena;
import pools.api.seed.GraphNode;
import pools.api.seed.SearchResult;

/**
 * Where one query's objects and scratch memory come from. {@link #pooled} takes them from a
 * {@link MemoryPoolSystem}; {@link #unpooled} makes them with {@code new} every time and lets
 * the GC have them, so the two runs of {@link QueryWorkload} differ in nothing else.
 */
interface QueryMemory {

    GraphNode node();

    void free(GraphNode node);

    SearchResult result();

    void free(SearchResult result);

    Map<String, Object> object();

    void freeObject(Map<String, Object> object);

    List<Object> array();

    void freeArray(List<Object> array);

    JsonNumber number();

    void free(JsonNumber number);

    /** The k-nearest buffer for one query. */
    Neighbors neighbors(int k);

    /** Scratch memory of {@code kind}, until {@link #close(SegmentAllocator)}. */
    SegmentAllocator open(ArenaKind kind);

    void close(SegmentAllocator scratch);

    /**
     * Everything from the system's pools and arenas, and numbers from {@code numbers} (a pool the
     * host made); one Neighbors buffer reused. One per thread: the pools are shared, the buffer is not.
     */
    static QueryMemory pooled(MemoryPoolSystem system, ObjectPool<JsonNumber> numbers, int k) {
        Neighbors reused = new Neighbors(k);
        return new QueryMemory() {
            @Override
            public JsonNumber number() {
                return numbers.acquire();
            }

            @Override
            public void free(JsonNumber number) {
                numbers.release(number);
            }

            @Override
            public GraphNode node() {
                return system.nodePool().acquire();
            }

            @Override
            public void free(GraphNode node) {
                system.nodePool().release(node);
            }

            @Override
            public SearchResult result() {
                return system.searchResultPool().acquire();
            }

            @Override
            public void free(SearchResult result) {
                system.searchResultPool().release(result);
            }

            @Override
            public Map<String, Object> object() {
                return system.jsonObjectPool().acquire();
            }

            @Override
            public void freeObject(Map<String, Object> object) {
                system.jsonObjectPool().release(object);
            }

            @Override
            public List<Object> array() {
                return system.jsonArrayPool().acquire();
            }

            @Override
            public void freeArray(List<Object> array) {
                system.jsonArrayPool().release(array);
            }

            @Override
            public Neighbors neighbors(int size) {
                return reused;
            }

            @Override
            public SegmentAllocator open(ArenaKind kind) {
                return system.arenas().acquire(kind);
            }

            @Override
            public void close(SegmentAllocator scratch) {
                ((ScopedArena) scratch).close();
            }
        };
    }

    /**
     * Everything made with {@code new}. Scratch memory is a fresh {@code byte[]} per allocation,
     * or a {@code long[]} when the caller needs alignment (a heap array aligns to its element
     * size); except SEARCH scratch, which holds the query vector the SIMD kernels read: that is a
     * fresh confined {@link Arena}, as an FFM program without pools would make, because kernels
     * that see both heap and native segments lose their vectorized fast path.
     */
    static QueryMemory unpooled() {
        return new QueryMemory() {
            private final SegmentAllocator heap = (bytes, alignment) -> {
                if (alignment <= 1) {
                    return MemorySegment.ofArray(new byte[Math.toIntExact(bytes)]);
                }
                if (alignment > Long.BYTES) {
                    throw new IllegalArgumentException("heap scratch aligns to 8 bytes at most, asked " + alignment);
                }
                return MemorySegment.ofArray(new long[Math.toIntExact((bytes + 7) >>> 3)]).asSlice(0, bytes);
            };

            @Override
            public JsonNumber number() {
                return new JsonNumber();
            }

            @Override
            public void free(JsonNumber number) {
            }

            @Override
            public GraphNode node() {
                return new GraphNode();
            }

            @Override
            public void free(GraphNode node) {
            }

            @Override
            public SearchResult result() {
                return new SearchResult();
            }

            @Override
            public void free(SearchResult result) {
            }

            @Override
            public Map<String, Object> object() {
                return new HashMap<>();
            }

            @Override
            public void freeObject(Map<String, Object> object) {
            }

            @Override
            public List<Object> array() {
                return new ArrayList<>();
            }

            @Override
            public void freeArray(List<Object> array) {
            }

            @Override
            public Neighbors neighbors(int k) {
                return new Neighbors(k);
            }

            @Override
            public SegmentAllocator open(ArenaKind kind) {
                return kind == ArenaKind.SEARCH ? Arena.ofConfined() : heap;
            }

            @Override
            public void close(SegmentAllocator scratch) {
                if (scratch instanceof Arena arena) {
                    arena.close();
                }
            }
        };
    }
}

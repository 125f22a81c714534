package pools.api;

import java.lang.foreign.MemorySegment;

/**
 * A pool of fixed-dimension float vectors in aligned off-heap memory, carved from large slabs
 * reserved against the {@link MemoryBudget}. Released embeddings are zeroed before anyone can
 * acquire them again, so no data leaks from one user to the next.
 *
 * <p>Thread-safe, with the misuse contract of {@link ObjectPool}. {@link #close()} frees every
 * slab; embeddings still held then fail on their next access instead of reading freed memory.
 */
public interface EmbeddingPool extends ObjectPool<Embedding> {

    /** Floats per embedding. */
    int dimension();

    /** Byte alignment of every embedding's address, a power of two of at least 32. */
    int alignment();

    /**
     * The embedding whose memory contains {@code segment}'s first byte, found in O(1) from the
     * address (the seed's {@code findContainingBlock}).
     *
     * @throws ForeignObjectException if the address is not inside one of this pool's embeddings
     */
    Embedding owner(MemorySegment segment);
}

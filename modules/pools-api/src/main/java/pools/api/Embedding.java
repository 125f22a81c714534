package pools.api;

import java.lang.foreign.MemorySegment;

/**
 * One pooled embedding: {@link #dimension()} floats in aligned off-heap memory, owned by the
 * caller between {@link EmbeddingPool#acquire()} and {@link EmbeddingPool#release}. Handles are
 * created once per block and reused, so acquiring one allocates nothing.
 *
 * <p>Not thread-safe; publish it safely if another thread reads it. Once its pool is closed,
 * every access throws {@link IllegalStateException} rather than read freed memory.
 */
public interface Embedding {

    /** The vector's memory: {@code dimension() * 4} bytes, aligned to the pool's alignment. */
    MemorySegment segment();

    /** Floats in this embedding. */
    int dimension();

    /** Float {@code index}, {@code 0 <= index < dimension()}. */
    float get(int index);

    /** Sets float {@code index}, {@code 0 <= index < dimension()}. */
    void set(int index, float value);

    /**
     * Copies {@code values} in.
     *
     * @throws DimensionMismatchException if {@code values.length != dimension()}
     */
    void copyFrom(float[] values);

    /**
     * Copies the floats out into {@code target}.
     *
     * @throws DimensionMismatchException if {@code target.length != dimension()}
     */
    void copyTo(float[] target);
}

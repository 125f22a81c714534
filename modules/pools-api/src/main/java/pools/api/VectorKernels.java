package pools.api;

import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * Distance kernels over float vectors in memory segments (native byte order, {@code byteSize / 4}
 * floats). Implementations use the Vector API where {@code jdk.incubator.vector} is in the
 * module graph and a scalar loop where it is not; both agree within a relative error of 1e-4 of
 * the result's magnitude (float sums in a different order round differently).
 *
 * <p>Stateless and thread-safe. Every method throws {@link DimensionMismatchException} when
 * two vectors differ in length, before reading either.
 */
public interface VectorKernels {

    /** What runs underneath, for example {@code "vector-api FloatVector 256-bit"} or {@code "scalar"}. */
    String implementation();

    /** The dot product of {@code a} and {@code b}. */
    float dot(MemorySegment a, MemorySegment b);

    /** The squared Euclidean distance between {@code a} and {@code b}. */
    float squaredL2(MemorySegment a, MemorySegment b);

    /** The cosine similarity of {@code a} and {@code b}; 0 when either is a zero vector. */
    float cosine(MemorySegment a, MemorySegment b);

    /**
     * Scans {@code candidates} and keeps in {@code out} the {@code out.capacity()} nearest to
     * {@code query} by {@code metric}, nearest first; {@code out.index(r)} is a position in
     * {@code candidates}. Allocates nothing.
     */
    void topK(MemorySegment query, List<? extends Embedding> candidates, Metric metric, Neighbors out);

    /** The score of {@code a} against {@code b} by {@code metric}. */
    default float score(Metric metric, MemorySegment a, MemorySegment b) {
        return switch (metric) {
            case DOT -> dot(a, b);
            case COSINE -> cosine(a, b);
            case SQUARED_L2 -> squaredL2(a, b);
        };
    }

    /** {@link #dot(MemorySegment, MemorySegment)} of two embeddings. */
    default float dot(Embedding a, Embedding b) {
        return dot(a.segment(), b.segment());
    }

    /** {@link #squaredL2(MemorySegment, MemorySegment)} of two embeddings. */
    default float squaredL2(Embedding a, Embedding b) {
        return squaredL2(a.segment(), b.segment());
    }

    /** {@link #cosine(MemorySegment, MemorySegment)} of two embeddings. */
    default float cosine(Embedding a, Embedding b) {
        return cosine(a.segment(), b.segment());
    }
}

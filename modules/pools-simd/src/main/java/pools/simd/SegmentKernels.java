package pools.simd;

import java.lang.foreign.MemorySegment;
import java.util.List;
import pools.api.DimensionMismatchException;
import pools.api.Embedding;
import pools.api.Metric;
import pools.api.Neighbors;
import pools.api.VectorKernels;

/**
 * What the scalar and Vector API kernels share: the length checks and the top-k scan. Subclasses
 * supply the three distances and a cosine against a query whose squared norm is already known,
 * so a cosine scan reads each candidate once and the query's norm is computed once per scan.
 *
 * <p>Tolerance: a sum of n float products rounds differently in a different order, so the two
 * kernels agree within about {@code 1e-4 * sum(|a[i] * b[i]|)} for the dimensions used here (up
 * to a few thousand floats). That is 1e-4 of the result's magnitude whenever the terms do not
 * cancel (squared L2 always; dot and cosine of vectors with non-negative components).
 */
abstract class SegmentKernels implements VectorKernels {

    /** The number of floats in both {@code a} and {@code b}, or a mismatch before reading either. */
    static int floats(MemorySegment a, MemorySegment b) {
        long bytes = a.byteSize();
        if (bytes != b.byteSize()) {
            throw new DimensionMismatchException(bytes / Float.BYTES, b.byteSize() / Float.BYTES);
        }
        return Math.toIntExact(bytes / Float.BYTES);
    }

    /** The cosine from a dot product and two squared norms; 0 when either vector is zero. */
    static float cosineOf(float dot, float normA, float normB) {
        if (normA == 0f || normB == 0f) {
            return 0f;
        }
        return (float) (dot / Math.sqrt((double) normA * normB));
    }

    /** The cosine of {@code query} (squared norm {@code queryNorm}) and {@code candidate} of the same length. */
    abstract float cosine(MemorySegment query, float queryNorm, MemorySegment candidate);

    /**
     * {@inheritDoc}
     *
     * <p>Every candidate's length is checked before the scan starts. {@code candidates} should be
     * a random-access list: it is read by index, without an iterator.
     */
    @Override
    public final void topK(MemorySegment query, List<? extends Embedding> candidates, Metric metric, Neighbors out) {
        int count = candidates.size();
        for (int i = 0; i < count; i++) {
            floats(query, candidates.get(i).segment());
        }
        out.begin(metric);
        switch (metric) {
            case DOT -> {
                for (int i = 0; i < count; i++) {
                    out.offer(i, dot(query, candidates.get(i).segment()));
                }
            }
            case SQUARED_L2 -> {
                for (int i = 0; i < count; i++) {
                    out.offer(i, squaredL2(query, candidates.get(i).segment()));
                }
            }
            case COSINE -> {
                float queryNorm = dot(query, query);
                for (int i = 0; i < count; i++) {
                    out.offer(i, cosine(query, queryNorm, candidates.get(i).segment()));
                }
            }
        }
        out.finish();
    }
}

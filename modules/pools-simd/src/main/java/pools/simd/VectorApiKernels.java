package pools.simd;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The kernels on the Vector API: {@link FloatVector#SPECIES_PREFERRED} loads straight from the
 * segments (no copy to {@code float[]}), fused multiply-add into independent accumulators so the
 * adds do not wait on each other, one lane reduction at the end, and a scalar loop for the last
 * {@code n % lanes} floats. Loaded only when {@code jdk.incubator.vector} is present.
 *
 * <p>Every load calls {@code FloatVector.fromMemorySegment} in place, with no helper method
 * around it: a helper is hot enough for C2 to compile on its own, and once compiled (a "medium
 * method") it is no longer inlined, so every vector it returns is a heap object and its load
 * takes the non-intrinsic path, which copies into a fresh {@code float[]}. That helper cost about
 * 5 KB of garbage per top-k scan over 2,000 embeddings in the demo host; the JDK's own methods
 * are {@code @ForceInline} and do not have the problem.
 */
final class VectorApiKernels extends SegmentKernels {
    static final VectorApiKernels INSTANCE = new VectorApiKernels();

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Bytes of one vector load. */
    private static final long STEP = (long) LANES * Float.BYTES;
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED;

    private VectorApiKernels() {
    }

    @Override
    public String implementation() {
        return "vector-api FloatVector " + SPECIES.vectorBitSize() + "-bit";
    }

    @Override
    public float dot(MemorySegment a, MemorySegment b) {
        int n = floats(a, b);
        FloatVector s0 = FloatVector.zero(SPECIES);
        FloatVector s1 = s0;
        FloatVector s2 = s0;
        FloatVector s3 = s0;
        long end4 = (long) (n & -(4 * LANES)) * Float.BYTES;
        long offset = 0;
        for (; offset < end4; offset += 4 * STEP) {
            s0 = FloatVector.fromMemorySegment(SPECIES, a, offset, ORDER)
                    .fma(FloatVector.fromMemorySegment(SPECIES, b, offset, ORDER), s0);
            s1 = FloatVector.fromMemorySegment(SPECIES, a, offset + STEP, ORDER)
                    .fma(FloatVector.fromMemorySegment(SPECIES, b, offset + STEP, ORDER), s1);
            s2 = FloatVector.fromMemorySegment(SPECIES, a, offset + 2 * STEP, ORDER)
                    .fma(FloatVector.fromMemorySegment(SPECIES, b, offset + 2 * STEP, ORDER), s2);
            s3 = FloatVector.fromMemorySegment(SPECIES, a, offset + 3 * STEP, ORDER)
                    .fma(FloatVector.fromMemorySegment(SPECIES, b, offset + 3 * STEP, ORDER), s3);
        }
        long end = (long) SPECIES.loopBound(n) * Float.BYTES;
        for (; offset < end; offset += STEP) {
            s0 = FloatVector.fromMemorySegment(SPECIES, a, offset, ORDER)
                    .fma(FloatVector.fromMemorySegment(SPECIES, b, offset, ORDER), s0);
        }
        float sum = s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
        for (int i = (int) (offset / Float.BYTES); i < n; i++) {
            sum += a.getAtIndex(FLOAT, i) * b.getAtIndex(FLOAT, i);
        }
        return sum;
    }

    @Override
    public float squaredL2(MemorySegment a, MemorySegment b) {
        int n = floats(a, b);
        FloatVector s0 = FloatVector.zero(SPECIES);
        FloatVector s1 = s0;
        long end2 = (long) (n & -(2 * LANES)) * Float.BYTES;
        long offset = 0;
        for (; offset < end2; offset += 2 * STEP) {
            FloatVector d0 = FloatVector.fromMemorySegment(SPECIES, a, offset, ORDER)
                    .sub(FloatVector.fromMemorySegment(SPECIES, b, offset, ORDER));
            FloatVector d1 = FloatVector.fromMemorySegment(SPECIES, a, offset + STEP, ORDER)
                    .sub(FloatVector.fromMemorySegment(SPECIES, b, offset + STEP, ORDER));
            s0 = d0.fma(d0, s0);
            s1 = d1.fma(d1, s1);
        }
        long end = (long) SPECIES.loopBound(n) * Float.BYTES;
        for (; offset < end; offset += STEP) {
            FloatVector d = FloatVector.fromMemorySegment(SPECIES, a, offset, ORDER)
                    .sub(FloatVector.fromMemorySegment(SPECIES, b, offset, ORDER));
            s0 = d.fma(d, s0);
        }
        float sum = s0.add(s1).reduceLanes(VectorOperators.ADD);
        for (int i = (int) (offset / Float.BYTES); i < n; i++) {
            float d = a.getAtIndex(FLOAT, i) - b.getAtIndex(FLOAT, i);
            sum += d * d;
        }
        return sum;
    }

    @Override
    public float cosine(MemorySegment a, MemorySegment b) {
        int n = floats(a, b);
        FloatVector dot0 = FloatVector.zero(SPECIES);
        FloatVector dot1 = dot0;
        FloatVector normA0 = dot0;
        FloatVector normA1 = dot0;
        FloatVector normB0 = dot0;
        FloatVector normB1 = dot0;
        long end2 = (long) (n & -(2 * LANES)) * Float.BYTES;
        long offset = 0;
        for (; offset < end2; offset += 2 * STEP) {
            FloatVector x0 = FloatVector.fromMemorySegment(SPECIES, a, offset, ORDER);
            FloatVector y0 = FloatVector.fromMemorySegment(SPECIES, b, offset, ORDER);
            FloatVector x1 = FloatVector.fromMemorySegment(SPECIES, a, offset + STEP, ORDER);
            FloatVector y1 = FloatVector.fromMemorySegment(SPECIES, b, offset + STEP, ORDER);
            dot0 = x0.fma(y0, dot0);
            dot1 = x1.fma(y1, dot1);
            normA0 = x0.fma(x0, normA0);
            normA1 = x1.fma(x1, normA1);
            normB0 = y0.fma(y0, normB0);
            normB1 = y1.fma(y1, normB1);
        }
        long end = (long) SPECIES.loopBound(n) * Float.BYTES;
        for (; offset < end; offset += STEP) {
            FloatVector x = FloatVector.fromMemorySegment(SPECIES, a, offset, ORDER);
            FloatVector y = FloatVector.fromMemorySegment(SPECIES, b, offset, ORDER);
            dot0 = x.fma(y, dot0);
            normA0 = x.fma(x, normA0);
            normB0 = y.fma(y, normB0);
        }
        float dot = dot0.add(dot1).reduceLanes(VectorOperators.ADD);
        float normA = normA0.add(normA1).reduceLanes(VectorOperators.ADD);
        float normB = normB0.add(normB1).reduceLanes(VectorOperators.ADD);
        for (int i = (int) (offset / Float.BYTES); i < n; i++) {
            float x = a.getAtIndex(FLOAT, i);
            float y = b.getAtIndex(FLOAT, i);
            dot += x * y;
            normA += x * x;
            normB += y * y;
        }
        return cosineOf(dot, normA, normB);
    }

    @Override
    float cosine(MemorySegment query, float queryNorm, MemorySegment candidate) {
        int n = floats(query, candidate);
        FloatVector dot0 = FloatVector.zero(SPECIES);
        FloatVector dot1 = dot0;
        FloatVector norm0 = dot0;
        FloatVector norm1 = dot0;
        long end2 = (long) (n & -(2 * LANES)) * Float.BYTES;
        long offset = 0;
        for (; offset < end2; offset += 2 * STEP) {
            FloatVector y0 = FloatVector.fromMemorySegment(SPECIES, candidate, offset, ORDER);
            FloatVector y1 = FloatVector.fromMemorySegment(SPECIES, candidate, offset + STEP, ORDER);
            dot0 = FloatVector.fromMemorySegment(SPECIES, query, offset, ORDER).fma(y0, dot0);
            dot1 = FloatVector.fromMemorySegment(SPECIES, query, offset + STEP, ORDER).fma(y1, dot1);
            norm0 = y0.fma(y0, norm0);
            norm1 = y1.fma(y1, norm1);
        }
        long end = (long) SPECIES.loopBound(n) * Float.BYTES;
        for (; offset < end; offset += STEP) {
            FloatVector y = FloatVector.fromMemorySegment(SPECIES, candidate, offset, ORDER);
            dot0 = FloatVector.fromMemorySegment(SPECIES, query, offset, ORDER).fma(y, dot0);
            norm0 = y.fma(y, norm0);
        }
        float dot = dot0.add(dot1).reduceLanes(VectorOperators.ADD);
        float norm = norm0.add(norm1).reduceLanes(VectorOperators.ADD);
        for (int i = (int) (offset / Float.BYTES); i < n; i++) {
            float y = candidate.getAtIndex(FLOAT, i);
            dot += query.getAtIndex(FLOAT, i) * y;
            norm += y * y;
        }
        return cosineOf(dot, queryNorm, norm);
    }
}

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
            s0 = load(a, offset).fma(load(b, offset), s0);
            s1 = load(a, offset + STEP).fma(load(b, offset + STEP), s1);
            s2 = load(a, offset + 2 * STEP).fma(load(b, offset + 2 * STEP), s2);
            s3 = load(a, offset + 3 * STEP).fma(load(b, offset + 3 * STEP), s3);
        }
        long end = (long) SPECIES.loopBound(n) * Float.BYTES;
        for (; offset < end; offset += STEP) {
            s0 = load(a, offset).fma(load(b, offset), s0);
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
            FloatVector d0 = load(a, offset).sub(load(b, offset));
            FloatVector d1 = load(a, offset + STEP).sub(load(b, offset + STEP));
            s0 = d0.fma(d0, s0);
            s1 = d1.fma(d1, s1);
        }
        long end = (long) SPECIES.loopBound(n) * Float.BYTES;
        for (; offset < end; offset += STEP) {
            FloatVector d = load(a, offset).sub(load(b, offset));
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
            FloatVector x0 = load(a, offset);
            FloatVector y0 = load(b, offset);
            FloatVector x1 = load(a, offset + STEP);
            FloatVector y1 = load(b, offset + STEP);
            dot0 = x0.fma(y0, dot0);
            dot1 = x1.fma(y1, dot1);
            normA0 = x0.fma(x0, normA0);
            normA1 = x1.fma(x1, normA1);
            normB0 = y0.fma(y0, normB0);
            normB1 = y1.fma(y1, normB1);
        }
        long end = (long) SPECIES.loopBound(n) * Float.BYTES;
        for (; offset < end; offset += STEP) {
            FloatVector x = load(a, offset);
            FloatVector y = load(b, offset);
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
            FloatVector y0 = load(candidate, offset);
            FloatVector y1 = load(candidate, offset + STEP);
            dot0 = load(query, offset).fma(y0, dot0);
            dot1 = load(query, offset + STEP).fma(y1, dot1);
            norm0 = y0.fma(y0, norm0);
            norm1 = y1.fma(y1, norm1);
        }
        long end = (long) SPECIES.loopBound(n) * Float.BYTES;
        for (; offset < end; offset += STEP) {
            FloatVector y = load(candidate, offset);
            dot0 = load(query, offset).fma(y, dot0);
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

    private static FloatVector load(MemorySegment segment, long offset) {
        return FloatVector.fromMemorySegment(SPECIES, segment, offset, ORDER);
    }
}

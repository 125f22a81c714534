package pools.simd;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** Plain float loops, one element at a time: the fallback when the Vector API is absent, and its reference. */
final class ScalarKernels extends SegmentKernels {
    static final ScalarKernels INSTANCE = new ScalarKernels();

    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED;

    private ScalarKernels() {
    }

    @Override
    public String implementation() {
        return "scalar";
    }

    @Override
    public float dot(MemorySegment a, MemorySegment b) {
        int n = floats(a, b);
        float sum = 0f;
        for (int i = 0; i < n; i++) {
            sum += a.getAtIndex(FLOAT, i) * b.getAtIndex(FLOAT, i);
        }
        return sum;
    }

    @Override
    public float squaredL2(MemorySegment a, MemorySegment b) {
        int n = floats(a, b);
        float sum = 0f;
        for (int i = 0; i < n; i++) {
            float d = a.getAtIndex(FLOAT, i) - b.getAtIndex(FLOAT, i);
            sum += d * d;
        }
        return sum;
    }

    @Override
    public float cosine(MemorySegment a, MemorySegment b) {
        int n = floats(a, b);
        float dot = 0f;
        float normA = 0f;
        float normB = 0f;
        for (int i = 0; i < n; i++) {
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
        float dot = 0f;
        float norm = 0f;
        for (int i = 0; i < n; i++) {
            float y = candidate.getAtIndex(FLOAT, i);
            dot += query.getAtIndex(FLOAT, i) * y;
            norm += y * y;
        }
        return cosineOf(dot, queryNorm, norm);
    }
}

package pools.it.demo;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The reference the kernels' top-k is checked against: the same query vector, cosine computed
 * in double precision over every embedding, fully sorted. Slow on purpose (no SIMD, no heap).
 */
final class BruteForce {
    /**
     * Scores closer than this are a tie: the kernels compute in float, so two files whose
     * cosines differ by less may come in either order (VectorKernels promises 1e-4 relative).
     */
    static final double TIE = 1e-4;

    private final CorpusIndex index;

    BruteForce(CorpusIndex index) {
        this.index = index;
    }

    /**
     * True when {@code found} (the kernels' top-k for {@code query}, nearest first) is the
     * brute force's top-k: at every rank the same file, or one whose double-precision cosine
     * is within {@link #TIE} of the brute force's file at that rank.
     */
    boolean agrees(long query, int[] found) {
        MemorySegment vector = MemorySegment.ofArray(new float[index.dimension()]);
        index.queryVector(query, vector);
        double[] cosines = new double[index.size()];
        for (int file = 0; file < cosines.length; file++) {
            cosines[file] = cosine(vector, index.embeddings().get(file).segment());
        }
        Integer[] order = IntStream.range(0, cosines.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer file) -> -cosines[file]));
        if (found.length != Math.min(QueryWorkload.K, cosines.length)) {
            return false;
        }
        for (int r = 0; r < found.length; r++) {
            if (found[r] != order[r] && Math.abs(cosines[found[r]] - cosines[order[r]]) > TIE) {
                return false;
            }
        }
        return true;
    }

    private double cosine(MemorySegment a, MemorySegment b) {
        double dot = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < index.dimension(); i++) {
            double x = a.getAtIndex(ValueLayout.JAVA_FLOAT, i);
            double y = b.getAtIndex(ValueLayout.JAVA_FLOAT, i);
            dot += x * y;
            aa += x * x;
            bb += y * y;
        }
        return aa == 0 || bb == 0 ? 0 : dot / Math.sqrt(aa * bb);
    }
}

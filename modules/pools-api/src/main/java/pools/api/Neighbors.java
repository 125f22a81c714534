package pools.api;

/**
 * A reusable buffer for the k nearest candidates of a {@link VectorKernels#topK} scan: after a
 * scan, rank 0 is the nearest. Allocated once by the caller and filled again by every scan, so
 * a scan allocates nothing.
 *
 * <p>While a scan runs, the buffer is a bounded max-heap keyed by "farness" (the score, negated
 * where higher is nearer), so each candidate costs one comparison against the farthest kept and
 * O(log k) only when it displaces it. Not thread-safe.
 */
public final class Neighbors {
    private final int[] indices;
    private final float[] farness;
    private Metric metric = Metric.DOT;
    private int size;

    /** A buffer that keeps the {@code k} nearest, {@code k >= 1}. */
    public Neighbors(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be 1 or more, got " + k);
        }
        indices = new int[k];
        farness = new float[k];
    }

    /** The k this buffer keeps. */
    public int capacity() {
        return indices.length;
    }

    /** Candidates kept by the last scan: {@code min(k, candidates scanned)}. */
    public int size() {
        return size;
    }

    /** The metric of the last scan. */
    public Metric metric() {
        return metric;
    }

    /** The candidate index at {@code rank} (0 = nearest), after a scan. */
    public int index(int rank) {
        return indices[checkRank(rank)];
    }

    /** The metric's score of the candidate at {@code rank}, after a scan. */
    public float score(int rank) {
        float key = farness[checkRank(rank)];
        return metric.higherIsNearer() ? -key : key;
    }

    /** For kernel implementations: empties the buffer before a scan by {@code scanMetric}. */
    public void begin(Metric scanMetric) {
        metric = scanMetric;
        size = 0;
    }

    /** For kernel implementations: considers candidate {@code index} with {@code score}. */
    public void offer(int index, float score) {
        float key = metric.higherIsNearer() ? -score : score;
        if (size < indices.length) {
            int child = size++;
            while (child > 0) {
                int parent = (child - 1) >>> 1;
                if (farness[parent] >= key) {
                    break;
                }
                indices[child] = indices[parent];
                farness[child] = farness[parent];
                child = parent;
            }
            indices[child] = index;
            farness[child] = key;
        } else if (key < farness[0]) {
            siftDown(0, index, key, size);
        }
    }

    /** For kernel implementations: orders the kept candidates nearest first; ends a scan. */
    public void finish() {
        for (int end = size - 1; end > 0; end--) {
            int farIndex = indices[0];
            float farKey = farness[0];
            siftDown(0, indices[end], farness[end], end);
            indices[end] = farIndex;
            farness[end] = farKey;
        }
    }

    private void siftDown(int slot, int index, float key, int heapSize) {
        int hole = slot;
        while (true) {
            int child = 2 * hole + 1;
            if (child >= heapSize) {
                break;
            }
            if (child + 1 < heapSize && farness[child + 1] > farness[child]) {
                child++;
            }
            if (farness[child] <= key) {
                break;
            }
            indices[hole] = indices[child];
            farness[hole] = farness[child];
            hole = child;
        }
        indices[hole] = index;
        farness[hole] = key;
    }

    private int checkRank(int rank) {
        if (rank < 0 || rank >= size) {
            throw new IndexOutOfBoundsException("rank " + rank + " of " + size + " neighbours");
        }
        return rank;
    }
}

package pools.api;

/** How {@link VectorKernels#topK} ranks candidates against a query. */
public enum Metric {
    /** Dot product; higher is nearer. */
    DOT(true),
    /** Cosine similarity; higher is nearer. A zero vector scores 0 against anything. */
    COSINE(true),
    /** Squared Euclidean distance; lower is nearer. */
    SQUARED_L2(false);

    private final boolean higherIsNearer;

    Metric(boolean higherIsNearer) {
        this.higherIsNearer = higherIsNearer;
    }

    /** Whether a larger score means a nearer candidate. */
    public boolean higherIsNearer() {
        return higherIsNearer;
    }
}

package pools.api.seed;

/**
 * One hit of a search: which node, how well it scored, and where it ranked. Mutable and
 * reusable; {@link #clear()} returns it to the state {@code new} gives.
 *
 * <p>Not thread-safe; a result belongs to whoever acquired it from the pool.
 */
public final class SearchResult {
    private long nodeId;
    private float score;
    private int rank;
    private String path;

    /** A result for node 0 with score 0, rank 0 and no path: the state {@link #clear()} restores. */
    public SearchResult() {
        // Public on purpose: pools create results through SearchResult::new.
    }

    public long nodeId() {
        return nodeId;
    }

    public SearchResult nodeId(long id) {
        nodeId = id;
        return this;
    }

    public float score() {
        return score;
    }

    public SearchResult score(float newScore) {
        score = newScore;
        return this;
    }

    public int rank() {
        return rank;
    }

    public SearchResult rank(int newRank) {
        rank = newRank;
        return this;
    }

    /** The matched document's path, or null when unset. */
    public String path() {
        return path;
    }

    public SearchResult path(String newPath) {
        path = newPath;
        return this;
    }

    /** Forgets every field; the pool's reset action for search results. */
    public void clear() {
        nodeId = 0;
        score = 0f;
        rank = 0;
        path = null;
    }
}

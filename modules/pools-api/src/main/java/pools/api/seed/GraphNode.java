package pools.api.seed;

import java.util.Arrays;

/**
 * A knowledge-graph node as the Agrama hot path builds it: an id, a label, a timestamp and its
 * outgoing edges. Mutable and reusable: {@link #clear()} returns it to the state {@code new}
 * gives, keeping the edge array so a reused node does not allocate again.
 *
 * <p>Not thread-safe; a node belongs to whoever acquired it from the pool.
 */
public final class GraphNode {
    private static final long[] NO_EDGES = new long[0];

    private long id;
    private String label;
    private long timestampMillis;
    private long[] edges = NO_EDGES;
    private int edgeCount;

    /** A node with id 0, no label, timestamp 0 and no edges: the state {@link #clear()} restores. */
    public GraphNode() {
        // Public on purpose: pools create nodes through GraphNode::new.
    }

    public long id() {
        return id;
    }

    public GraphNode id(long newId) {
        id = newId;
        return this;
    }

    /** The label, or null when unset. */
    public String label() {
        return label;
    }

    public GraphNode label(String newLabel) {
        label = newLabel;
        return this;
    }

    public long timestampMillis() {
        return timestampMillis;
    }

    public GraphNode timestampMillis(long millis) {
        timestampMillis = millis;
        return this;
    }

    /** Adds an edge to {@code targetId}; grows the edge array only past its largest size so far. */
    public GraphNode addEdge(long targetId) {
        if (edgeCount == edges.length) {
            edges = Arrays.copyOf(edges, Math.max(4, edgeCount * 2));
        }
        edges[edgeCount++] = targetId;
        return this;
    }

    public int edgeCount() {
        return edgeCount;
    }

    /** The target of edge {@code index}, {@code 0 <= index < edgeCount()}. */
    public long edge(int index) {
        if (index < 0 || index >= edgeCount) {
            throw new IndexOutOfBoundsException("edge " + index + " of " + edgeCount);
        }
        return edges[index];
    }

    /** Forgets every field and edge; the pool's reset action for nodes. */
    public void clear() {
        id = 0;
        label = null;
        timestampMillis = 0;
        Arrays.fill(edges, 0, edgeCount, 0L);
        edgeCount = 0;
    }
}

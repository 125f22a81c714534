package pools.api;

/**
 * The capabilities a {@link MemoryPoolSystem} composes, each served by a provider module found
 * through {@link java.util.ServiceLoader}. Each names the module and artifact that provides it,
 * so a missing capability can be reported as "add this module".
 */
public enum Capability {
    /** Object pools: graph nodes, search results, JSON maps and lists, and host-defined pools. */
    OBJECT_POOLS("pools.fixed", "pools-fixed"),
    /** Aligned off-heap embedding pools. */
    EMBEDDING_POOLS("pools.simd", "pools-simd"),
    /** Distance kernels over embeddings. */
    VECTOR_KERNELS("pools.simd", "pools-simd"),
    /** Scoped bump arenas over pooled off-heap pages. */
    ARENAS("pools.arena", "pools-arena"),
    /** JSON reports, JFR events, JMX beans and leak tracking. */
    ANALYTICS("pools.analytics", "pools-analytics");

    private final String moduleName;
    private final String artifactId;

    Capability(String moduleName, String artifactId) {
        this.moduleName = moduleName;
        this.artifactId = artifactId;
    }

    /** The JPMS module that provides this capability, for example {@code pools.fixed}. */
    public String moduleName() {
        return moduleName;
    }

    /** The Maven artifact (group {@code io.agrama.pools}) that holds {@link #moduleName()}. */
    public String artifactId() {
        return artifactId;
    }
}

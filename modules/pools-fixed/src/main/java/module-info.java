/**
 * The built-in object pools: lock-free pools of any reusable object (graph nodes, search results,
 * JSON maps and lists, and host-defined shapes), with per-thread magazines in front of JCTools'
 * atomic MPMC free lists and exact counters. Found through {@code provides}; a host never names
 * it and it exports nothing.
 */
module pools.fixed {
    requires pools.api;
    requires org.jctools.core;

    provides pools.api.spi.ObjectPoolProvider with pools.fixed.FixedPoolProvider;
}

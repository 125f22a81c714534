/**
 * The built-in object pools: lock-free pools of any reusable object (graph nodes, search results,
 * JSON maps and lists, and host-defined shapes), with per-thread magazines in front of JCTools'
 * atomic MPMC free lists and exact counters. Found through {@code provides}; a host never names
 * it and it exports nothing. Its JSON maps and lists are Eclipse Collections' unified map and
 * fast list.
 */
module pools.fixed {
    requires pools.api;
    requires org.jctools.core;
    requires org.eclipse.collections.api;
    requires org.eclipse.collections.impl;

    provides pools.api.spi.ObjectPoolProvider with pools.fixed.FixedPoolProvider;
}

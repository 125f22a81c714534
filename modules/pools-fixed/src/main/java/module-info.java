module pools.fixed {
    requires pools.api;
    requires org.jctools.core;
    requires org.eclipse.collections.api;
    requires org.eclipse.collections.impl;

    provides pools.api.spi.ObjectPoolProvider with pools.fixed.FixedPoolProvider;
}

/**
 * Analytics for Agrama Pools: the JSON report of a system's snapshot (Jackson's streaming
 * generator), JDK Flight Recorder events ({@code agrama.*}), an MXBean per pool and one per
 * system, and leak tracking. Found through {@code provides}; a host never names it.
 *
 * <p>{@code pools.analytics.jmx} holds only the MXBean interfaces, and is exported to everyone:
 * a JMX client (JConsole, VisualVM, a host reading the platform MBean server) reads an attribute
 * by calling the interface's getter reflectively from outside this module, which fails with
 * {@code IllegalAccessException} on the module path unless the package is exported. The
 * implementations stay in the unexported {@code pools.analytics}.
 */
module pools.analytics {
    requires pools.api;
    requires com.fasterxml.jackson.core;
    requires jdk.jfr;
    requires java.management;

    exports pools.analytics.jmx;

    provides pools.api.spi.AnalyticsProvider with pools.analytics.PoolAnalyticsProvider;
}

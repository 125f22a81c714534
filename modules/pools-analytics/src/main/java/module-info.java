/**
 * Analytics for Agrama Pools: the JSON report of a system's snapshot (Jackson's streaming
 * generator), JDK Flight Recorder events ({@code agrama.*}), an MXBean per pool and one per
 * system, and leak tracking. Found through {@code provides}; a host never names it.
 *
 * <p>{@code pools.analytics.jmx} holds only the MXBean interfaces and is exported to
 * {@code java.management} alone, because the platform MBean server introspects and calls them.
 */
module pools.analytics {
    requires pools.api;
    requires com.fasterxml.jackson.core;
    requires jdk.jfr;
    requires java.management;

    exports pools.analytics.jmx to java.management;

    provides pools.api.spi.AnalyticsProvider with pools.analytics.PoolAnalyticsProvider;
}

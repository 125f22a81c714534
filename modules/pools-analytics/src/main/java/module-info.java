module pools.analytics {
    requires pools.api;
    requires com.fasterxml.jackson.core;

    provides pools.api.spi.AnalyticsProvider with pools.analytics.PoolAnalyticsProvider;
}

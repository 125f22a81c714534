package pools.analytics;

import pools.api.PoolConfig;
import pools.api.spi.AnalyticsProvider;
import pools.api.spi.AnalyticsService;

/** The built-in {@link AnalyticsProvider} ("analytics"): JSON report, JFR events, JMX beans, leak tracking. */
public final class PoolAnalyticsProvider implements AnalyticsProvider {

    @Override
    public String name() {
        return "analytics";
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public AnalyticsService create(PoolConfig config) {
        return new PoolAnalyticsService(config);
    }
}

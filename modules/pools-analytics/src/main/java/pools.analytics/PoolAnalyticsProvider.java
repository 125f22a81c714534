package pools.analytics;

import pools.api.PoolConfig;
import pools.api.spi.AnalyticsProvider;
import pools.api.spi.AnalyticsService;

/** The built-in {@link AnalyticsProvider} ("analytics"). Placeholder until issue #6 lands its implementation. */
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
        throw new UnsupportedOperationException("pools.analytics: issue #6");
    }
}

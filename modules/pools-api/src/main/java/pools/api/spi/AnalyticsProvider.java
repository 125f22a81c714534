package pools.api.spi;

import pools.api.Capability;
import pools.api.PoolConfig;

/** Creates the {@link AnalyticsService}; module {@code pools.analytics} provides the built-in one. */
public interface AnalyticsProvider extends CapabilityProvider {

    @Override
    default Capability capability() {
        return Capability.ANALYTICS;
    }

    /** A new service for a system built from {@code config}. */
    AnalyticsService create(PoolConfig config);
}

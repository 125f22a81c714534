package pools.analytics;

import pools.api.LeakDetection;
import pools.api.MemoryPoolSystem;
import pools.api.PoolConfig;
import pools.testkit.FakeObjectPoolProvider;

/** Systems for the tests: this module's analytics and the counting object pools, no discovery. */
final class Systems {
    static final PoolConfig SMALL = PoolConfig.builder().maxTotalPoolMemoryMb(8).initialPoolCapacity(0)
            .maxNodesPerPool(64).maxSearchResultsPerPool(32).maxJsonObjectsPerPool(16).build();

    private Systems() {
    }

    static MemoryPoolSystem create(LeakDetection leaks) {
        return MemoryPoolSystem.builder(SMALL.toBuilder().leakDetection(leaks).build()).discover(false)
                .provider(new PoolAnalyticsProvider()).provider(new FakeObjectPoolProvider("counting", 1)).build();
    }
}

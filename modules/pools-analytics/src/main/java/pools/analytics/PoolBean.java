package pools.analytics;

import pools.analytics.jmx.PoolMXBean;
import pools.api.PoolStats;

/** The {@link PoolMXBean} of one pool: every getter reads a fresh snapshot of the system. */
final class PoolBean implements PoolMXBean {
    private final PoolAnalyticsService service;
    private final String name;

    PoolBean(PoolAnalyticsService service, String name) {
        this.service = service;
        this.name = name;
    }

    private PoolStats stats() {
        PoolStats stats = service.snapshot().pool(name);
        if (stats == null) {
            throw new IllegalStateException("pool '" + name + "' is no longer part of system " + service.id());
        }
        return stats;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public long getHits() {
        return stats().hits();
    }

    @Override
    public long getMisses() {
        return stats().misses();
    }

    @Override
    public long getCreated() {
        return stats().created();
    }

    @Override
    public long getTrimmed() {
        return stats().trimmed();
    }

    @Override
    public long getAllocated() {
        return stats().allocated();
    }

    @Override
    public long getFreed() {
        return stats().freed();
    }

    @Override
    public long getInUse() {
        return stats().inUse();
    }

    @Override
    public long getPeakInUse() {
        return stats().peakInUse();
    }

    @Override
    public long getFree() {
        return stats().free();
    }

    @Override
    public long getCapacity() {
        return stats().capacity();
    }

    @Override
    public long getMaxCapacity() {
        return stats().maxCapacity();
    }

    @Override
    public long getRefusals() {
        return stats().refusals();
    }

    @Override
    public long getBytesPerObject() {
        return stats().bytesPerObject();
    }

    @Override
    public long getReusedBytes() {
        return stats().reusedBytes();
    }

    @Override
    public double getHitRate() {
        return stats().hitRate();
    }

    @Override
    public double getUtilizationRate() {
        return stats().utilizationRate();
    }

    @Override
    public double getEfficiencyRate() {
        return stats().efficiencyRate();
    }
}

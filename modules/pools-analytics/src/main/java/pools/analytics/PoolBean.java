package pools.analytics;

import pools.analytics.jmx.PoolMXBean;
import pools.api.ObjectPool;
import pools.api.PoolStats;

/**
 * The {@link PoolMXBean} of one pool: every getter reads that pool's own stats, fresh, and nothing
 * of the rest of the system (a JMX console reads attributes one by one, so a whole-system snapshot
 * per attribute would cost a console refresh one snapshot per attribute per pool).
 */
final class PoolBean implements PoolMXBean {
    private final ObjectPool<?> pool;

    PoolBean(ObjectPool<?> pool) {
        this.pool = pool;
    }

    private PoolStats stats() {
        return pool.stats();
    }

    @Override
    public String getName() {
        return pool.name();
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

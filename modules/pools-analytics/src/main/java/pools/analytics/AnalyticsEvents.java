package pools.analytics;

import pools.api.spi.PoolEvents;

/**
 * The sink a system's pools and budget report to: JFR events for growth, exhaustion and budget
 * refusals, and leases for the {@link LeakTracker}. Growth, exhaustion and refusals are rare;
 * each builds its event only when JFR records it ({@code shouldCommit}), so with no recording
 * the cost is one allocation the JIT removes and a flag read. Thread-safe: the events are
 * local to the call and the tracker is concurrent.
 */
final class AnalyticsEvents implements PoolEvents {
    private final long system;
    private final LeakTracker leaks;

    AnalyticsEvents(long system, LeakTracker leaks) {
        this.system = system;
        this.leaks = leaks;
    }

    @Override
    public void grown(String pool, long fromCapacity, long toCapacity) {
        new PoolGrowthEvent().commit(system, pool, fromCapacity, toCapacity);
    }

    @Override
    public void trimmed(String pool, long fromCapacity, long toCapacity) {
        new PoolTrimEvent().commit(system, pool, fromCapacity, toCapacity);
    }

    @Override
    public void exhausted(String pool, long capacity) {
        PoolExhaustedEvent event = new PoolExhaustedEvent();
        if (event.shouldCommit()) {
            event.system = system;
            event.pool = pool;
            event.capacity = capacity;
            event.commit();
        }
    }

    @Override
    public void budgetRefused(String requester, long requestedBytes, long reservedBytes, long limitBytes) {
        BudgetRefusedEvent event = new BudgetRefusedEvent();
        if (event.shouldCommit()) {
            event.system = system;
            event.requester = requester;
            event.requestedBytes = requestedBytes;
            event.reservedBytes = reservedBytes;
            event.limitBytes = limitBytes;
            event.commit();
        }
    }

    @Override
    public void acquired(String pool, Object lease) {
        leaks.acquired(pool, lease);
    }

    @Override
    public void released(String pool, Object lease) {
        leaks.released(lease);
    }
}

package pools.testkit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import pools.api.LeakDetection;
import pools.api.MemoryBudget;
import pools.api.PoolConfig;
import pools.api.spi.PoolContext;
import pools.api.spi.PoolEvents;

/**
 * A {@link PoolEvents} sink that remembers what pools report: growth steps as {@code "from->to"},
 * exhaustion as the capacity, leases as the objects themselves, and every event (budget refusals
 * too) as one line naming its pool, in order.
 */
public final class RecordingEvents implements PoolEvents {
    /** Growth steps, {@code "from->to"}, in order. */
    public final List<String> grown = new CopyOnWriteArrayList<>();
    /** The capacity at each refusal, in order. */
    public final List<String> exhausted = new CopyOnWriteArrayList<>();
    /** Leases handed out (leak detection only), in order. */
    public final List<Object> acquired = new CopyOnWriteArrayList<>();
    /** Leases given back (leak detection only), in order. */
    public final List<Object> released = new CopyOnWriteArrayList<>();
    /** Every event as a line: {@code "grown POOL 2->4"}, {@code "exhausted POOL 10"}, {@code "acquired POOL ID"}, ... */
    public final List<String> events = new CopyOnWriteArrayList<>();

    /** A context over the default config (leases reported or not), a budget of its limit, and this sink. */
    public PoolContext context(boolean trackLeases) {
        PoolConfig config = PoolConfig.builder().leakDetection(trackLeases ? LeakDetection.FULL : LeakDetection.OFF).build();
        return new PoolContext(config, MemoryBudget.withLimit(config.budget().maxTotalPoolMemoryBytes()), this);
    }

    /** The event lines that start with {@code prefix}, in order. */
    public List<String> starting(String prefix) {
        return events.stream().filter(e -> e.startsWith(prefix)).toList();
    }

    @Override
    public void grown(String pool, long fromCapacity, long toCapacity) {
        grown.add(fromCapacity + "->" + toCapacity);
        events.add("grown " + pool + " " + fromCapacity + "->" + toCapacity);
    }

    @Override
    public void exhausted(String pool, long capacity) {
        exhausted.add(Long.toString(capacity));
        events.add("exhausted " + pool + " " + capacity);
    }

    @Override
    public void budgetRefused(String requester, long requestedBytes, long reservedBytes, long limitBytes) {
        events.add("budgetRefused " + requester + " " + requestedBytes + " " + reservedBytes + "/" + limitBytes);
    }

    @Override
    public void acquired(String pool, Object lease) {
        acquired.add(lease);
        events.add("acquired " + pool + " " + System.identityHashCode(lease));
    }

    @Override
    public void released(String pool, Object lease) {
        released.add(lease);
        events.add("released " + pool + " " + System.identityHashCode(lease));
    }
}

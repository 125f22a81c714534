package pools.fixed;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import pools.api.LeakDetection;
import pools.api.MemoryBudget;
import pools.api.PoolConfig;
import pools.api.spi.PoolContext;
import pools.api.spi.PoolEvents;

/** Records what a pool reports, as short strings. */
final class RecordingEvents implements PoolEvents {
    final List<String> grown = new CopyOnWriteArrayList<>();
    final List<String> exhausted = new CopyOnWriteArrayList<>();
    final List<Object> acquired = new CopyOnWriteArrayList<>();
    final List<Object> released = new CopyOnWriteArrayList<>();

    PoolContext context(boolean trackLeases) {
        PoolConfig config = PoolConfig.builder().leakDetection(trackLeases ? LeakDetection.FULL : LeakDetection.OFF).build();
        return new PoolContext(config, MemoryBudget.withLimit(config.budget().maxTotalPoolMemoryBytes()), this);
    }

    @Override
    public void grown(String pool, long fromCapacity, long toCapacity) {
        grown.add(fromCapacity + "->" + toCapacity);
    }

    @Override
    public void exhausted(String pool, long capacity) {
        exhausted.add(Long.toString(capacity));
    }

    @Override
    public void acquired(String pool, Object lease) {
        acquired.add(lease);
    }

    @Override
    public void released(String pool, Object lease) {
        released.add(lease);
    }
}

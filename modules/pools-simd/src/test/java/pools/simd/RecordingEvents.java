package pools.simd;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import pools.api.spi.PoolEvents;

/** A {@link PoolEvents} sink that remembers growth, exhaustion and leases as strings, for assertions. */
final class RecordingEvents implements PoolEvents {
    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void grown(String pool, long fromCapacity, long toCapacity) {
        events.add("grown " + pool + " " + fromCapacity + "->" + toCapacity);
    }

    @Override
    public void exhausted(String pool, long capacity) {
        events.add("exhausted " + pool + " " + capacity);
    }

    @Override
    public void acquired(String pool, Object lease) {
        events.add("acquired " + pool + " " + System.identityHashCode(lease));
    }

    @Override
    public void released(String pool, Object lease) {
        events.add("released " + pool + " " + System.identityHashCode(lease));
    }

    List<String> starting(String prefix) {
        return events.stream().filter(e -> e.startsWith(prefix)).toList();
    }
}

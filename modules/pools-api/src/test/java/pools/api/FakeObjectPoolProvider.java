package pools.api;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import pools.api.spi.ObjectPoolProvider;
import pools.api.spi.PoolContext;

/** A test provider: records the specs it was asked for and hands out simple synchronized pools. */
final class FakeObjectPoolProvider implements ObjectPoolProvider {
    final List<ObjectPoolSpec<?>> specs = new ArrayList<>();
    final List<SimplePool<?>> created = new ArrayList<>();
    private final String name;
    private final int priority;
    private final boolean available;
    /** Creating the pool with this index throws, to test partial construction. -1: never. */
    int failOnCreate = -1;

    FakeObjectPoolProvider(String name, int priority, boolean available) {
        this.name = name;
        this.priority = priority;
        this.available = available;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int priority() {
        return priority;
    }

    @Override
    public boolean isAvailable() {
        return available;
    }

    @Override
    public <T> ObjectPool<T> create(ObjectPoolSpec<T> spec, PoolContext context) {
        if (specs.size() == failOnCreate) {
            throw new IllegalStateException("injected failure creating " + spec.name());
        }
        specs.add(spec);
        SimplePool<T> pool = new SimplePool<>(spec);
        created.add(pool);
        return pool;
    }

    /** Unbounded-by-design test double: enough to see that the facade wires and closes pools. */
    static final class SimplePool<T> implements ObjectPool<T> {
        private final ObjectPoolSpec<T> spec;
        private final ArrayDeque<T> free = new ArrayDeque<>();
        private long hits;
        private long misses;
        private long freed;
        boolean closed;

        SimplePool(ObjectPoolSpec<T> spec) {
            this.spec = spec;
        }

        @Override
        public String name() {
            return spec.name();
        }

        @Override
        public synchronized T acquire() {
            T object = free.poll();
            if (object == null) {
                misses++;
                return spec.factory().get();
            }
            hits++;
            return object;
        }

        @Override
        public T acquire(Duration timeout) {
            return acquire();
        }

        @Override
        public Optional<T> tryAcquire() {
            return Optional.of(acquire());
        }

        @Override
        public synchronized void release(T object) {
            spec.reset().accept(object);
            freed++;
            free.push(object);
        }

        @Override
        public synchronized PoolStats stats() {
            return new PoolStats(spec.name(), hits, misses, misses, freed, 0, misses, spec.maxCapacity(), 0, 0);
        }

        @Override
        public synchronized void close() {
            closed = true;
            free.clear();
        }
    }
}

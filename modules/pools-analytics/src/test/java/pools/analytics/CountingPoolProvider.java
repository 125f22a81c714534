package pools.analytics;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import pools.api.ForeignObjectException;
import pools.api.ObjectPool;
import pools.api.ObjectPoolSpec;
import pools.api.PoolExhaustedException;
import pools.api.PoolStats;
import pools.api.spi.ObjectPoolProvider;
import pools.api.spi.PoolContext;

/**
 * A test object-pool provider: synchronized bounded pools with exact counters that report to
 * the context's events like a real provider (growth, exhaustion, leases when tracked), so the
 * analytics tests do not depend on module pools.fixed.
 */
final class CountingPoolProvider implements ObjectPoolProvider {

    @Override
    public String name() {
        return "counting";
    }

    @Override
    public int priority() {
        return 1;
    }

    @Override
    public <T> ObjectPool<T> create(ObjectPoolSpec<T> spec, PoolContext context) {
        return new CountingPool<>(spec, context);
    }

    /** Grows one object at a time (reporting each growth) up to the max, then refuses. */
    static final class CountingPool<T> implements ObjectPool<T> {
        private final ObjectPoolSpec<T> spec;
        private final PoolContext context;
        private final ArrayDeque<T> free = new ArrayDeque<>();
        private final Set<T> inUse = Collections.newSetFromMap(new IdentityHashMap<>());
        private long hits;
        private long misses;
        private long freed;
        private long peak;
        private long capacity;
        private long refusals;

        CountingPool(ObjectPoolSpec<T> spec, PoolContext context) {
            this.spec = spec;
            this.context = context;
        }

        @Override
        public String name() {
            return spec.name();
        }

        @Override
        public T acquire() {
            T object;
            synchronized (this) {
                object = free.poll();
                if (object != null) {
                    hits++;
                } else if (capacity < spec.maxCapacity()) {
                    object = spec.factory().get();
                    misses++;
                    capacity++;
                    context.events().grown(spec.name(), capacity - 1, capacity);
                } else {
                    refusals++;
                    context.events().exhausted(spec.name(), capacity);
                    throw new PoolExhaustedException("pool " + spec.name() + " is exhausted at " + capacity);
                }
                inUse.add(object);
                peak = Math.max(peak, inUse.size());
            }
            if (context.tracksLeases()) {
                context.events().acquired(spec.name(), object);
            }
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
        public void release(T object) {
            if (context.tracksLeases()) {
                context.events().released(spec.name(), object);
            }
            synchronized (this) {
                if (!inUse.remove(object)) {
                    throw new ForeignObjectException("not in use in " + spec.name());
                }
                spec.reset().accept(object);
                freed++;
                free.push(object);
            }
        }

        @Override
        public synchronized PoolStats stats() {
            return new PoolStats(spec.name(), hits, misses, misses, freed, peak, capacity, spec.maxCapacity(), refusals, 0);
        }

        @Override
        public synchronized void close() {
            free.clear();
        }
    }
}

package pools.testkit;

import java.util.List;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import pools.api.ForeignObjectException;
import pools.api.ObjectPool;
import pools.api.ObjectPoolSpec;
import pools.api.PoolClosedException;
import pools.api.PoolExhaustedException;
import pools.api.PoolStats;
import pools.api.spi.ObjectPoolProvider;
import pools.api.spi.PoolContext;

/**
 * A hand-written object-pool provider for tests that need the facade or analytics but not a real
 * engine: it records the specs it was asked for and the pools it made, can be told to fail on the
 * n-th creation, and hands out synchronized pools with exact counters that grow one object at a
 * time up to the spec's max and report to the context's events like a real provider (growth,
 * exhaustion, leases when tracked).
 */
public final class FakeObjectPoolProvider implements ObjectPoolProvider {
    /** The specs of the pools made, in order. */
    public final List<ObjectPoolSpec<?>> specs = new CopyOnWriteArrayList<>();
    /** The pools made, in order. */
    public final List<CountingPool<?>> created = new CopyOnWriteArrayList<>();
    /** The names of the pools closed, in the order of their first close. */
    public final List<String> closedNames = new CopyOnWriteArrayList<>();
    private final String name;
    private final int priority;
    private final boolean available;
    private volatile int failOnCreate = -1;

    /** An available provider named {@code name} of priority {@code priority}. */
    public FakeObjectPoolProvider(String name, int priority) {
        this(name, priority, true);
    }

    /** A provider named {@code name} of priority {@code priority} that says it is available or not. */
    public FakeObjectPoolProvider(String name, int priority, boolean available) {
        this.name = name;
        this.priority = priority;
        this.available = available;
    }

    /** Makes the creation of the pool with this index (0 is the first) throw; -1: never. */
    public FakeObjectPoolProvider failOnCreate(int index) {
        this.failOnCreate = index;
        return this;
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
        CountingPool<T> pool = new CountingPool<>(spec, context, closedNames);
        created.add(pool);
        return pool;
    }

    /** Grows one object at a time (reporting each growth) up to the max, then refuses. */
    public static final class CountingPool<T> implements ObjectPool<T> {
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
        private final List<String> closedNames;
        private boolean closed;

        CountingPool(ObjectPoolSpec<T> spec, PoolContext context, List<String> closedNames) {
            this.spec = spec;
            this.context = context;
            this.closedNames = closedNames;
        }

        /** Whether {@link #close()} was called. */
        public synchronized boolean closed() {
            return closed;
        }

        @Override
        public String name() {
            return spec.name();
        }

        @Override
        public T acquire() {
            T object = take();
            if (object == null) {
                throw new PoolExhaustedException("pool " + spec.name() + " is exhausted at " + capacity());
            }
            return object;
        }

        @Override
        public T acquire(Duration timeout) {
            return acquire();
        }

        @Override
        public Optional<T> tryAcquire() {
            return Optional.ofNullable(take());
        }

        private T take() {
            T object;
            synchronized (this) {
                if (closed) {
                    throw new PoolClosedException("pool " + spec.name() + " is closed");
                }
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
                    return null;
                }
                inUse.add(object);
                peak = Math.max(peak, inUse.size());
            }
            if (context.tracksLeases()) {
                context.events().acquired(spec.name(), object);
            }
            return object;
        }

        private synchronized long capacity() {
            return capacity;
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
            if (!closed) {
                closedNames.add(spec.name());
            }
            closed = true;
            free.clear();
        }
    }
}

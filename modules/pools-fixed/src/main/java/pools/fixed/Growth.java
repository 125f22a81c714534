package pools.fixed;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Supplier;
import org.jctools.queues.atomic.MpmcAtomicArrayQueue;
import pools.api.ObjectPoolSpec;
import pools.api.spi.PoolEvents;

/**
 * Creates a {@link FixedPool}'s objects and keeps its capacity: the objects created and still
 * owned. Capacity is reserved by CAS before the factory runs, so it never passes the max and the
 * factory runs outside any lock; only registering a new slot in the {@link SlotTable} locks.
 *
 * @param <T> the pooled type
 */
final class Growth<T> {
    private static final VarHandle CAPACITY;

    static {
        try {
            CAPACITY = MethodHandles.lookup().findVarHandle(Growth.class, "capacity", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String name;
    private final Supplier<? extends T> factory;
    private final int maxCapacity;
    private final double growthFactor;
    private final PoolEvents events;
    /** Where pre-created objects go; the pool's free queue, sized to the max. */
    private final MpmcAtomicArrayQueue<Slot<T>> queue;
    /** Also the growth lock: held only while adding slots, never while the factory runs. */
    private final SlotTable<T> table;
    /**
     * Objects created and still owned, including ones being created. Reserved by CAS before the
     * factory runs, given back by getAndAdd (failed creation, dropped objects); read volatile.
     */
    private volatile int capacity;

    Growth(ObjectPoolSpec<T> spec, PoolEvents events, MpmcAtomicArrayQueue<Slot<T>> queue, SlotTable<T> table) {
        this.name = spec.name();
        this.factory = spec.factory();
        this.maxCapacity = spec.maxCapacity();
        this.growthFactor = spec.growthFactor();
        this.events = events;
        this.queue = queue;
        this.table = table;
        for (int i = 0; i < spec.initialCapacity(); i++) {
            queue.offer(addSlot());
        }
        CAPACITY.setVolatile(this, spec.initialCapacity());
    }

    int capacity() {
        return capacity;
    }

    int maxCapacity() {
        return maxCapacity;
    }

    /** Forgets {@code count} objects the pool dropped (a failing reset, or close). */
    void dropped(int count) {
        CAPACITY.getAndAdd(this, -count);
    }

    /**
     * Grows by the growth factor (at least one object, at most to the max) and returns one new
     * slot for the caller, or null at max. A fault creating the caller's object fails the acquire
     * and changes nothing; a fault pre-creating the extra objects only ends this growth step early
     * (the next step meets it again and reports it).
     */
    Slot<T> grow() {
        int from;
        int to;
        do {
            from = capacity;
            if (from >= maxCapacity) {
                return null;
            }
            to = (int) Math.min(maxCapacity, Math.max(from + 1L, (long) Math.ceil(from * growthFactor)));
        } while (!CAPACITY.compareAndSet(this, from, to));
        int made = 0;
        Slot<T> mine = null;
        try {
            mine = addSlot();
            made = 1;
            while (made < to - from) {
                queue.offer(addSlot());
                made++;
            }
        } catch (RuntimeException e) {
            if (mine == null) {
                throw e;
            }
        } finally {
            CAPACITY.getAndAdd(this, made - (to - from));
            if (made > 0) {
                events.grown(name, from, from + made);
            }
        }
        return mine;
    }

    /** Creates an object and registers its free slot. */
    private Slot<T> addSlot() {
        Slot<T> slot = new Slot<>(create(), Slot.FREE);
        synchronized (table) {
            table.add(slot);
        }
        return slot;
    }

    private T create() {
        T object = factory.get();
        if (object == null) {
            throw new NullPointerException("pool '" + name + "': the factory returned null; it must return a new object");
        }
        return object;
    }
}

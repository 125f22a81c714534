package pools.fixed;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Finds the {@link Slot} of an object by identity, without allocating: an open-addressing table
 * probed with {@link System#identityHashCode}. Slots are only ever added (under the pool's growth
 * lock) and the table is copied when it gets half full, so readers never see a removal.
 *
 * <p>Memory ordering: {@link #add} writes a table element with a release store and publishes a
 * copied table with a volatile write of {@link #table}; {@link #find} reads the table volatile and
 * its elements with acquire loads. A thread can only release an object it (or someone who handed
 * it over) acquired after the slot was added, so the add happens-before every lookup of it.
 *
 * @param <T> the pooled type
 */
final class SlotTable<T> {
    private static final VarHandle ELEMENTS = MethodHandles.arrayElementVarHandle(Slot[].class);

    /** Written by the growth lock holder (volatile, on copy); read by any releasing thread. */
    private volatile Slot<?>[] table;
    /** Live slots in {@link #table}; written and read only under the growth lock. */
    private int size;

    SlotTable(int expected) {
        table = new Slot<?>[tableLength(expected)];
    }

    /** The slot holding {@code object}, or null if this table never held it. */
    @SuppressWarnings("unchecked")
    Slot<T> find(Object object) {
        Slot<?>[] elements = table;
        int mask = elements.length - 1;
        for (int i = spread(System.identityHashCode(object)) & mask; ; i = (i + 1) & mask) {
            Slot<?> slot = (Slot<?>) ELEMENTS.getAcquire(elements, i);
            if (slot == null) {
                return null;
            }
            if (slot.object == object) {
                return (Slot<T>) slot;
            }
        }
    }

    /** Adds a new slot; caller holds the growth lock. Drops dropped slots when it copies. */
    void add(Slot<T> slot) {
        Slot<?>[] elements = table;
        if ((size + 1) * 2 > elements.length) {
            elements = copyLive(elements);
        }
        insert(elements, slot);
        size++;
        table = elements;
    }

    private Slot<?>[] copyLive(Slot<?>[] old) {
        int live = 0;
        for (Slot<?> slot : old) {
            if (slot != null && slot.state() != Slot.DROPPED) {
                live++;
            }
        }
        Slot<?>[] copy = new Slot<?>[tableLength(live + 1)];
        for (Slot<?> slot : old) {
            if (slot != null && slot.state() != Slot.DROPPED) {
                insert(copy, slot);
            }
        }
        size = live;
        return copy;
    }

    private static void insert(Slot<?>[] elements, Slot<?> slot) {
        int mask = elements.length - 1;
        int i = spread(System.identityHashCode(slot.object)) & mask;
        while (elements[i] != null) {
            i = (i + 1) & mask;
        }
        ELEMENTS.setRelease(elements, i, slot);
    }

    /** A power of two at least four times {@code expected}: the table stays at most half full. */
    private static int tableLength(int expected) {
        return Integer.highestOneBit(Math.max(4, expected) * 4 - 1) << 1;
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}

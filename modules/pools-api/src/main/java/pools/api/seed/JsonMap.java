package pools.api.seed;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The map of the seed's pooled JSON objects: string keys, any values (null included), and no
 * allocation by {@code put}, {@code get}, {@code remove}, {@code clear} or {@code forEach} once the
 * table has grown to the largest object it holds. A pooled map is cleared and filled again for
 * every answer, so a map that allocates per entry ({@link java.util.HashMap}'s nodes) or per
 * collision chain turns every pooled answer into garbage; this one keeps keys and values in two
 * arrays probed linearly (open addressing, at most half full), and {@code clear} only nulls them.
 *
 * <p>Iteration order is the table's, as unspecified as a {@code HashMap}'s. The collection views
 * read and iterate (an iterator is an allocation; {@link #forEach} is not) but do not remove:
 * remove with {@link #remove(Object)}. Keys must not be null. Not thread-safe: a pooled object
 * belongs to the one thread that acquired it.
 */
public final class JsonMap extends AbstractMap<String, Object> {
    private static final int MIN_TABLE = 8;

    private String[] keys;
    private Object[] values;
    private int size;
    /** Bumped by every change of the key set, so that an iterator fails fast as HashMap's do. */
    private int modifications;

    /** An empty map with room for 4 entries before its table grows. */
    public JsonMap() {
        this(4);
    }

    /**
     * An empty map with room for {@code expectedEntries} before its table grows.
     *
     * @throws IllegalArgumentException if {@code expectedEntries} is negative or above 2^28
     */
    public JsonMap(int expectedEntries) {
        if (expectedEntries < 0 || expectedEntries > 1 << 28) {
            throw new IllegalArgumentException("expectedEntries must be between 0 and 2^28, was " + expectedEntries);
        }
        int length = Math.max(MIN_TABLE, Integer.highestOneBit(Math.max(1, expectedEntries * 2 - 1)) << 1);
        keys = new String[length];
        values = new Object[length];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public Object get(Object key) {
        int at = indexOf(key);
        return at < 0 ? null : values[at];
    }

    /** @throws NullPointerException if {@code key} is null (JSON keys are strings) */
    @Override
    public Object put(String key, Object value) {
        Objects.requireNonNull(key, "a JSON object's key must not be null");
        int at = indexOf(key);
        if (at >= 0) {
            Object previous = values[at];
            values[at] = value;
            return previous;
        }
        if ((size + 1) * 2 > keys.length) {
            rehash(keys.length * 2);
        }
        insert(key, value);
        size++;
        modifications++;
        return null;
    }

    @Override
    public Object remove(Object key) {
        int at = indexOf(key);
        if (at < 0) {
            return null;
        }
        Object previous = values[at];
        deleteAt(at);
        size--;
        modifications++;
        return previous;
    }

    /** Nulls the table and keeps it, so the next entries need no allocation. */
    @Override
    public void clear() {
        if (size > 0) {
            Arrays.fill(keys, null);
            Arrays.fill(values, null);
            size = 0;
            modifications++;
        }
    }

    /** Visits every entry without allocating. */
    @Override
    public void forEach(BiConsumer<? super String, ? super Object> action) {
        Objects.requireNonNull(action, "action");
        int expected = modifications;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null) {
                action.accept(keys[i], values[i]);
            }
        }
        if (modifications != expected) {
            throw new ConcurrentModificationException("the map changed while forEach visited it");
        }
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Entries();
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    private int indexOf(Object key) {
        if (!(key instanceof String)) {
            return -1;
        }
        int mask = keys.length - 1;
        for (int i = slot(key.hashCode(), mask); ; i = (i + 1) & mask) {
            String present = keys[i];
            if (present == null) {
                return -1;
            }
            if (present.equals(key)) {
                return i;
            }
        }
    }

    private void insert(String key, Object value) {
        int mask = keys.length - 1;
        int i = slot(key.hashCode(), mask);
        while (keys[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
    }

    /**
     * Linear probing's deletion without tombstones: the entries after the hole that probed past
     * it move back into it, so that every lookup still finds its key before the first null.
     */
    private void deleteAt(int hole) {
        int mask = keys.length - 1;
        for (int i = (hole + 1) & mask; keys[i] != null; i = (i + 1) & mask) {
            int home = slot(keys[i].hashCode(), mask);
            if (((i - home) & mask) >= ((i - hole) & mask)) {
                keys[hole] = keys[i];
                values[hole] = values[i];
                hole = i;
            }
        }
        keys[hole] = null;
        values[hole] = null;
    }

    private void rehash(int length) {
        String[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new String[length];
        values = new Object[length];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                insert(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static int slot(int hash, int mask) {
        return (hash ^ hash >>> 16) & mask;
    }

    /** The entries in table order; read-only. */
    private final class Entries implements Iterator<Entry<String, Object>> {
        private final int expected = modifications;
        private int next = advance(0);

        private int advance(int from) {
            int i = from;
            while (i < keys.length && keys[i] == null) {
                i++;
            }
            return i;
        }

        @Override
        public boolean hasNext() {
            return next < keys.length;
        }

        @Override
        public Entry<String, Object> next() {
            if (modifications != expected) {
                throw new ConcurrentModificationException("the map changed during iteration");
            }
            if (next >= keys.length) {
                throw new NoSuchElementException();
            }
            Entry<String, Object> entry = new SimpleImmutableEntry<>(keys[next], values[next]);
            next = advance(next + 1);
            return entry;
        }
    }
}

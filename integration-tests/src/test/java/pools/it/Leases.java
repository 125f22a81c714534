package pools.it;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Who holds what, by identity: a pooled object handed to a second holder while the first still
 * has it is counted as a duplicate. Pooled maps and lists have value equality, so keys compare by
 * identity.
 */
final class Leases {
    private record Identity(Object object) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity(Object that) && that == object;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(object);
        }
    }

    private final ConcurrentHashMap<Identity, Thread> holders = new ConcurrentHashMap<>();
    private final LongAdder duplicates = new LongAdder();

    /** Records that the current thread now holds {@code object}. */
    void taken(Object object) {
        if (holders.putIfAbsent(new Identity(object), Thread.currentThread()) != null) {
            duplicates.increment();
        }
    }

    /** Records that the current thread gives {@code object} back (before calling release). */
    void givenBack(Object object) {
        if (!holders.remove(new Identity(object), Thread.currentThread())) {
            duplicates.increment();
        }
    }

    long duplicates() {
        return duplicates.sum();
    }

    int held() {
        return holders.size();
    }
}

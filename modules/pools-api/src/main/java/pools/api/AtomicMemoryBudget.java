package pools.api;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import pools.api.spi.FieldHandles;
import pools.api.spi.PoolEvents;

/**
 * The {@link MemoryBudget}: a CAS loop on one counter. Reservations happen when a pool grows by
 * a slab or a page, not per acquire, so one shared counter is not a hot spot.
 */
final class AtomicMemoryBudget implements MemoryBudget {
    private static final VarHandle RESERVED = FieldHandles.of(MethodHandles.lookup(), AtomicMemoryBudget.class, "reserved", long.class);
    private static final VarHandle PEAK = FieldHandles.of(MethodHandles.lookup(), AtomicMemoryBudget.class, "peak", long.class);
    private static final VarHandle REFUSALS = FieldHandles.of(MethodHandles.lookup(), AtomicMemoryBudget.class, "refusals", long.class);

    private final long limit;
    private final PoolEvents events;
    /** Written by CAS (volatile) from any reserving or releasing thread; read volatile. */
    private volatile long reserved;
    /** Raised by CAS after a successful reservation; monotonic, so a stale read only under-reports. */
    private volatile long peak;
    /** Incremented atomically on each refusal; read volatile for stats. */
    private volatile long refusals;

    AtomicMemoryBudget(long limitBytes, PoolEvents events) {
        if (limitBytes < 0) {
            throw new IllegalArgumentException("a memory budget's limit must be 0 or more bytes, got " + limitBytes);
        }
        this.limit = limitBytes;
        this.events = events;
    }

    @Override
    public long limitBytes() {
        return limit;
    }

    @Override
    public long reservedBytes() {
        return reserved;
    }

    @Override
    public void reserve(long bytes, String requester) {
        if (!tryReserve(bytes, requester)) {
            throw new BudgetExceededException(requester, bytes, reserved, limit);
        }
    }

    @Override
    public boolean tryReserve(long bytes, String requester) {
        if (bytes < 0) {
            throw new IllegalArgumentException(requester + " tried to reserve a negative byte count: " + bytes);
        }
        long current;
        do {
            current = reserved;
            if (bytes > limit - current) {
                REFUSALS.getAndAdd(this, 1L);
                events.budgetRefused(requester, bytes, current, limit);
                return false;
            }
        } while (!RESERVED.compareAndSet(this, current, current + bytes));
        raisePeak(current + bytes);
        return true;
    }

    @Override
    public void release(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("cannot release a negative byte count: " + bytes);
        }
        long current;
        do {
            current = reserved;
            if (bytes > current) {
                throw new IllegalStateException("releasing " + bytes + " bytes but only " + current
                        + " are reserved: a pool released memory it never reserved");
            }
        } while (!RESERVED.compareAndSet(this, current, current - bytes));
    }

    @Override
    public BudgetStats stats() {
        long now = reserved;
        // A reservation raises the peak just after it lands: read as at least what is reserved now.
        return new BudgetStats(limit, now, Math.max(now, peak), refusals);
    }

    private void raisePeak(long candidate) {
        long seen;
        do {
            seen = peak;
        } while (candidate > seen && !PEAK.compareAndSet(this, seen, candidate));
    }
}

package pools.api;

import java.util.Objects;

/**
 * The {@link Lease} of {@link ObjectPool#lease()}'s default: a small object per lease around
 * {@code acquire} and {@code release}, for pools that have no per-object record to lend. Confined
 * to the thread that took it, so its fields need no ordering.
 *
 * @param <T> the pooled type
 */
final class AcquiredLease<T> implements Lease<T> {
    private final ObjectPool<T> pool;
    private final Thread owner = Thread.currentThread();
    private final T object;
    /** Set by the first close; owner thread only. */
    private boolean closed;

    AcquiredLease(ObjectPool<T> pool) {
        this.pool = pool;
        this.object = Objects.requireNonNull(pool.acquire(), "acquire returned null");
    }

    @Override
    public T get() {
        requireOwner();
        if (closed) {
            throw new IllegalStateException("lease of pool '" + pool.name() + "' is closed; use the object only inside its try block");
        }
        return object;
    }

    @Override
    public void close() {
        requireOwner();
        if (closed) {
            throw new DoubleReleaseException("pool '" + pool.name() + "': lease closed twice; close each lease once");
        }
        closed = true;
        pool.release(object);
    }

    private void requireOwner() {
        if (Thread.currentThread() != owner) {
            throw new WrongThreadException("lease of pool '" + pool.name() + "' used by " + Thread.currentThread()
                    + " but taken by " + owner + "; a lease is confined to its thread: hand objects between threads with acquire and release");
        }
    }
}

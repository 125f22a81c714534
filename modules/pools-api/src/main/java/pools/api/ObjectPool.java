package pools.api;

import java.time.Duration;
import java.util.Optional;

/**
 * A bounded pool of reusable objects of one kind. Objects are created by the spec's factory up
 * to the max capacity, handed out by {@code acquire}, and reset by the spec's reset action when
 * they come back through {@link #release}, so a reused object carries nothing from its last user.
 *
 * <p>Thread-safe. An object belongs to the caller between {@code acquire} and {@code release};
 * the pool never hands it to anyone else in between. Misuse leaves the pool exactly as it was:
 * releasing an object twice throws {@link DoubleReleaseException}, releasing one this pool never
 * handed out throws {@link ForeignObjectException}, and any use after {@link #close()} throws
 * {@link PoolClosedException}.
 *
 * <p>Faults in the spec's actions leave the pool consistent. A factory that throws (or returns
 * null, reported as {@link NullPointerException}) fails that {@code acquire} with its exception
 * and changes no counter; the next acquire tries again. A reset action that throws fails that
 * {@code release} with its exception after the release is counted: the object is dropped from
 * the pool (it may still hold its last user's data), so the pool's capacity shrinks by one and a
 * later acquire creates a replacement.
 *
 * @param <T> the pooled type
 */
public interface ObjectPool<T> extends AutoCloseable {

    /** The pool's name, as given in its spec; analytics report it. */
    String name();

    /**
     * Takes a free object, creating one if the pool is below its max capacity. At max capacity
     * with nothing free, waits up to the spec's {@link ObjectPoolSpec#acquireTimeout()} (zero:
     * not at all). Never returns null.
     *
     * @throws PoolExhaustedException if nothing became free in time
     */
    T acquire();

    /**
     * As {@link #acquire()}, waiting up to {@code timeout} instead of the spec's timeout.
     *
     * @throws PoolExhaustedException if nothing became free in time
     */
    T acquire(Duration timeout);

    /** Takes a free object if one is free or can be created now; empty otherwise. Never waits. */
    Optional<T> tryAcquire();

    /**
     * Resets {@code object} and gives it back. After this call the caller must not touch it.
     *
     * @throws DoubleReleaseException if the object is already free in this pool
     * @throws ForeignObjectException if this pool never handed the object out
     */
    void release(T object);

    /** A snapshot of the counters; exact when no thread is acquiring or releasing. */
    PoolStats stats();

    /** Drops every free object. Objects still held are simply forgotten. Idempotent. */
    @Override
    void close();
}

package pools.api;

/**
 * One object taken from a pool for the length of a {@code try} block:
 * <pre>{@code
 * try (var lease = pool.lease()) {
 *     T object = lease.get();
 *     ...
 * }   // released here, as release(object) would
 * }</pre>
 * Closing the lease releases its object (resetting it, as {@link ObjectPool#release} does).
 *
 * <p>Confined to the thread that took it, like {@link java.lang.foreign.Arena#ofConfined()}:
 * only that thread may call {@link #get()} and {@link #close()}; to hand an object to another
 * thread, use {@link ObjectPool#acquire()} and {@link ObjectPool#release}.
 *
 * <p>Zero garbage: the built-in pools hand out their own per-object record as the lease, so
 * taking one allocates nothing. The consequence, said plainly: once closed, a lease may be
 * handed out again, to this thread or another. A second {@code close()} is detected while the
 * record is free ({@link DoubleReleaseException}) or leased by another thread
 * ({@link WrongThreadException}); if this same thread has since leased the same record again,
 * the stale close cannot be told apart from closing the new lease. Use each lease once, in one
 * try-with-resources statement, and this cannot happen.
 *
 * <p>Memory effects: as {@link ObjectPool#release}: everything done to the object before
 * {@code close()} happens-before the next acquire or lease that returns it.
 *
 * @param <T> the pooled type
 */
public interface Lease<T> extends AutoCloseable {

    /**
     * The leased object, the same one on every call until the lease is closed.
     *
     * @throws IllegalStateException if the lease is closed
     * @throws WrongThreadException if called from a thread other than the one that took the lease
     */
    T get();

    /**
     * Releases the object to its pool.
     *
     * @throws DoubleReleaseException if the lease was already closed (see the class comment for
     *         the one case that cannot be detected)
     * @throws WrongThreadException if called from a thread other than the one that took the
     *         lease, or the lease was closed and another thread has leased the same object since
     * @throws PoolClosedException if the pool is closed
     */
    @Override
    void close();
}

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
 * {@link PoolClosedException}. One exception, said plainly: two threads releasing one object at
 * the same instant are told apart only under {@link ReleaseCheck#RACING} (the spec's checked
 * mode, which costs a compare-and-set per release); by default such a race may go undetected.
 *
 * <p>Linearizable: every call takes effect at one instant between its start and its return, as
 * if the calls ran one at a time. In particular {@code tryAcquire} and a zero-wait
 * {@code acquire} come back empty only if, at one instant during the call, every object the pool
 * may own (its max capacity) was held by callers: never while the pool is growing, nor while an
 * object sits free in another thread's cache. A call racing {@link #close()} either completes as
 * if it ran before the close or throws {@link PoolClosedException}; nothing is created and
 * nothing is handed out after the close took effect. (Model-checked with Lincheck against a
 * sequential model; see docs/reliability.md.)
 *
 * <p>Waiting: an {@code acquire} with a timeout at max capacity parks until a release wakes it
 * (a release that races the waiter's arrival may miss it: the waiter then finds the object at
 * its next re-check, at most 1 ms later), and waiters are served in arrival order; an acquire that finds an object free takes it without
 * queueing behind them. An interrupt ends the wait with {@link AcquireInterruptedException}, the
 * interrupt status kept.
 *
 * <p>Memory effects: everything a thread did to an object before releasing it, and the reset
 * action, happen-before the next acquire that returns that object.
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
     * @throws AcquireInterruptedException if the thread was interrupted while waiting
     * @throws PoolClosedException if the pool is closed, or was closed while the call waited
     */
    T acquire();

    /**
     * As {@link #acquire()}, waiting up to {@code timeout} instead of the spec's timeout. Zero
     * does not wait; a timeout beyond what {@link System#nanoTime()} can count (about 292 years)
     * waits for ever.
     *
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @throws PoolExhaustedException if nothing became free in time
     * @throws AcquireInterruptedException if the thread was interrupted while waiting
     * @throws PoolClosedException if the pool is closed, or was closed while the call waited
     */
    T acquire(Duration timeout);

    /**
     * Takes a free object if one is free or can be created now; empty otherwise (counted as a
     * refusal). Never waits.
     *
     * @throws PoolClosedException if the pool is closed
     */
    Optional<T> tryAcquire();

    /**
     * Resets {@code object} and gives it back. After this call the caller must not touch it.
     *
     * @throws NullPointerException if {@code object} is null
     * @throws DoubleReleaseException if the object is already free in this pool (with two threads
     *         releasing one object at the same instant, only under {@link ReleaseCheck#RACING})
     * @throws ForeignObjectException if this pool never handed the object out
     * @throws PoolClosedException if the pool is closed
     */
    void release(T object);

    /**
     * Takes an object as {@link #acquire()} does, as a {@link Lease} that releases it on
     * {@code close()}: {@code try (var lease = pool.lease()) { T object = lease.get(); ... }}.
     * The lease is confined to the calling thread. The built-in pools lend their own per-object
     * record, so this allocates nothing; this default wraps {@code acquire} and {@code release}
     * in a small object per lease.
     *
     * @throws PoolExhaustedException if nothing became free in time
     * @throws AcquireInterruptedException if the thread was interrupted while waiting
     * @throws PoolClosedException if the pool is closed, or was closed while the call waited
     */
    default Lease<T> lease() {
        return new AcquiredLease<>(this);
    }

    /**
     * A snapshot of the counters: exact when no thread is acquiring or releasing, and keeping
     * {@link PoolStats}' invariants at every moment.
     */
    PoolStats stats();

    /**
     * Gives back free objects as the spec's {@link IdlePolicy} says: each call samples the free
     * count, and once a whole idle timeout has passed since the period began, drops as many free
     * objects as stayed free throughout it, keeping the policy's minimum capacity. Never waits
     * for an object; thread-safe; the acquire and release paths do no work for it. The system's
     * housekeeper calls it for the pools it created; call it yourself for a standalone pool.
     *
     * @return the objects dropped by this call (0 with {@link IdlePolicy#KEEP})
     * @throws PoolClosedException if the pool is closed
     */
    default int trimIdle() {
        return 0;
    }

    /**
     * Drops every free object, wakes every waiter (each then throws {@link PoolClosedException}),
     * and refuses every later call. Objects still held are simply forgotten. Idempotent.
     */
    @Override
    void close();
}

package pools.api.spi;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import pools.api.AcquireInterruptedException;

/**
 * The threads waiting in a pool's {@code acquire} for an object to come back, served in arrival
 * order; one per pool, shared by every pool engine so that they all wait the same way.
 *
 * <p>Only the first waiter tries to take an object; the others park until they are first. A
 * release that finds waiters wakes the first ({@link #signal()}); a waiter that leaves, with an
 * object or without, wakes the next, which may find an object released while it was leaving.
 * Objects that are free when an acquire arrives go to that acquire without queueing (barging, as
 * in a non-fair {@link java.util.concurrent.Semaphore}); waiters never overtake each other.
 *
 * <p>Where the contract is weaker than it looks: a waiter joins the queue (a CAS, a full fence)
 * before it looks for an object, and a releaser looks for waiters after publishing its object,
 * but without a fence between the two (a fence costs about 6 ns on every release, measured with
 * JMH on the object pool: 17.4-18.4 ns per acquire and release without it, 23.6-25.2 with it).
 * So a release that races a waiter's arrival may miss it while the waiter misses the object; the
 * waiter then finds the object at its next re-check. Waiters re-check every {@link #RECHECK_NANOS}
 * (1 ms) whatever happens: a lost wake-up delays a waiter by at most that, and never hangs it.
 * A pool whose publication is itself a CAS (the embedding pool's free list) has the full fence
 * already and loses no wake-up.
 *
 * <p>Thread-safe. Waiting allocates (a queue node, the caller's lambda); the release path does not.
 */
public final class WaitQueue {
    /** The longest a waiter parks before it looks again, signalled or not. */
    static final long RECHECK_NANOS = 1_000_000;

    private final ConcurrentLinkedQueue<Thread> waiters = new ConcurrentLinkedQueue<>();
    private final String owner;
    private final long recheckNanos;

    /** A queue for the pool that {@code owner} describes in messages, e.g. {@code "pool 'nodes'"}. */
    public WaitQueue(String owner) {
        this(owner, RECHECK_NANOS);
    }

    /** For tests: a re-check period long enough that only a signal can wake a waiter in time. */
    WaitQueue(String owner, long recheckNanos) {
        this.owner = owner;
        this.recheckNanos = recheckNanos;
    }

    /**
     * {@code timeout} as a wait in nanoseconds, validated the same way for every pool engine.
     *
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if {@code timeout} is negative, naming this queue's pool
     */
    public long timeoutNanos(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException(owner + ": timeout must be zero or positive, was " + timeout);
        }
        return saturatedNanos(timeout);
    }

    /** Nanoseconds of a non-negative {@code timeout}, capped at Long.MAX_VALUE (about 292 years) instead of overflowing. */
    public static long saturatedNanos(Duration timeout) {
        return timeout.compareTo(Duration.ofNanos(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : timeout.toNanos();
    }

    /**
     * For a releaser that has just made an object available: wakes the first waiter if there is
     * one. One read of the queue's head when nobody waits; no fence (see the class comment).
     */
    public void signalIfWaiting() {
        if (hasWaiters()) {
            signal();
        }
    }

    /** Whether any thread waits now. */
    public boolean hasWaiters() {
        return !waiters.isEmpty();
    }

    /** Wakes the first waiter, if any, to look for an object. */
    public void signal() {
        Thread first = waiters.peek();
        if (first != null) {
            LockSupport.unpark(first);
        }
    }

    /**
     * Waits in line up to {@code timeoutNanos} for {@code attempt} to return an object: it is
     * tried when the caller is first in line, at once, after every wake-up and at every re-check.
     * Returns null when the time ran out first.
     *
     * @throws AcquireInterruptedException if the thread is or gets interrupted before an object
     *         is taken; its interrupt status stays set
     */
    public <T> T await(Supplier<T> attempt, long timeoutNanos) {
        Thread me = Thread.currentThread();
        long deadline = System.nanoTime() + timeoutNanos;
        waiters.add(me);
        try {
            while (true) {
                if (me.isInterrupted()) {
                    throw new AcquireInterruptedException("a wait in " + owner
                            + " was interrupted before an object came back; nothing was acquired");
                }
                if (waiters.peek() == me) {
                    T object = attempt.get();
                    if (object != null) {
                        return object;
                    }
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return null;
                }
                LockSupport.parkNanos(this, Math.min(remaining, recheckNanos));
            }
        } finally {
            waiters.remove(me);
            signal();
        }
    }
}

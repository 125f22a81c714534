package pools.api.spi;

import java.lang.invoke.VarHandle;
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
 * <p>No lost wake-up: a waiter joins the queue (a CAS, so a full fence) before it looks for an
 * object, and a releaser publishes its object before it calls {@link #hasWaiters()}, with a full
 * fence in between ({@link #signalAfterPublishing()}); so either the waiter sees the object or
 * the releaser sees the waiter.
 *
 * <p>Thread-safe. Waiting allocates (a queue node, the caller's lambda); the release path does not.
 */
public final class WaitQueue {
    private final ConcurrentLinkedQueue<Thread> waiters = new ConcurrentLinkedQueue<>();
    private final String owner;

    /** A queue for the pool that {@code owner} describes in messages, e.g. {@code "pool 'nodes'"}. */
    public WaitQueue(String owner) {
        this.owner = owner;
    }

    /**
     * For a releaser that has just made an object available: a full fence, then wakes the first
     * waiter if there is one. Costs a fence and one read of the queue's head when nobody waits.
     */
    public void signalAfterPublishing() {
        VarHandle.fullFence();
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
     * tried when the caller is first in line, at once and after every wake-up. Returns null
     * when the time ran out first.
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
                LockSupport.parkNanos(this, remaining);
            }
        } finally {
            waiters.remove(me);
            signal();
        }
    }
}

package pools.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Threads a test starts, whose failures reach the test thread: {@link #joinAll} waits for every
 * worker up to a deadline and rethrows the first failure (with the others suppressed), so a
 * worker cannot fail silently and a stuck worker fails the test instead of hanging it, with the
 * worker's own stack as the failure's stack trace. Pair it
 * with JUnit's {@code @Timeout} on the test, and wait on latches with {@link #await}, never
 * without a deadline.
 */
public final class Workers {
    private final List<Thread> threads = new ArrayList<>();
    private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();

    /** A task that may throw; its failure is collected. */
    public interface Task {
        void run() throws Exception;
    }

    /** Starts a platform thread named {@code name} running {@code task}. */
    public Thread start(String name, Task task) {
        return add(Thread.ofPlatform().name(name).unstarted(wrap(task)));
    }

    /** Starts a virtual thread named {@code name} running {@code task}. */
    public Thread startVirtual(String name, Task task) {
        return add(Thread.ofVirtual().name(name).unstarted(wrap(task)));
    }

    private Runnable wrap(Task task) {
        return () -> {
            try {
                task.run();
            } catch (Throwable e) {
                failures.add(e);
            }
        };
    }

    private synchronized Thread add(Thread thread) {
        threads.add(thread);
        thread.start();
        return thread;
    }

    /** Waits for every worker until {@code deadline}, then rethrows the first failure, if any. */
    public void joinAll(Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        List<Thread> started;
        synchronized (this) {
            started = List.copyOf(threads);
        }
        for (Thread thread : started) {
            thread.join(Duration.ofNanos(Math.max(1, end - System.nanoTime())));
            if (thread.isAlive()) {
                // Where it is stuck is what the reader needs, so the error carries the worker's stack, not the test's.
                AssertionError stuck = new AssertionError(thread.getName() + " still runs after " + deadline
                        + "; stuck? Its stack is this error's stack trace");
                stuck.setStackTrace(thread.getStackTrace());
                throw stuck;
            }
        }
        rethrow();
    }

    /** Throws the first failure collected so far (the others suppressed), without waiting. */
    public void rethrow() {
        Throwable first = failures.poll();
        if (first != null) {
            failures.forEach(first::addSuppressed);
            throw new AssertionError("a worker failed", first);
        }
    }

    /** Waits for {@code latch} for at most {@code deadline}, and fails if it did not open. */
    public static void await(CountDownLatch latch, Duration deadline) throws InterruptedException {
        if (!latch.await(deadline.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new AssertionError("a latch still waits for " + latch.getCount() + " after " + deadline);
        }
    }

    /** Waits until {@code thread} parks (waiting or timed waiting), so a test knows its wait path runs. */
    public static void awaitParked(Thread thread) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (thread.getState() != Thread.State.TIMED_WAITING && thread.getState() != Thread.State.WAITING) {
            if (System.nanoTime() > end || !thread.isAlive()) {
                throw new AssertionError(thread.getName() + " never parked; its state is " + thread.getState());
            }
            Thread.sleep(1);
        }
    }
}

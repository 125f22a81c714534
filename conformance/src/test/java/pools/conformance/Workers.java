package pools.conformance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Threads a test starts, whose failures reach the test thread: {@link #joinAll} waits for every
 * worker up to a deadline and rethrows the first failure (with the others suppressed), so a
 * worker cannot fail silently and a stuck worker fails the test instead of hanging it.
 */
final class Workers {
    private final List<Thread> threads = new ArrayList<>();
    private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();

    /** A task that may throw; its failure is collected. */
    interface Task {
        void run() throws Exception;
    }

    Thread start(String name, Task task) {
        Thread thread = Thread.ofPlatform().name(name).start(() -> {
            try {
                task.run();
            } catch (Throwable e) {
                failures.add(e);
            }
        });
        threads.add(thread);
        return thread;
    }

    void joinAll(Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        for (Thread thread : threads) {
            thread.join(Duration.ofNanos(Math.max(1, end - System.nanoTime())));
            if (thread.isAlive()) {
                AssertionError stuck = new AssertionError(thread.getName() + " still runs after " + deadline
                        + "; stuck? Its stack is this error's stack trace");
                stuck.setStackTrace(thread.getStackTrace());
                throw stuck;
            }
        }
        Throwable first = failures.poll();
        if (first != null) {
            failures.forEach(first::addSuppressed);
            throw new AssertionError("a worker failed", first);
        }
    }

    /** Waits until {@code thread} parks (waiting or timed waiting), so a test knows its wait path runs. */
    static void awaitParked(Thread thread) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (thread.getState() != Thread.State.TIMED_WAITING && thread.getState() != Thread.State.WAITING) {
            if (System.nanoTime() > end || !thread.isAlive()) {
                throw new AssertionError(thread.getName() + " never parked; its state is " + thread.getState());
            }
            Thread.sleep(1);
        }
    }
}

package pools.api;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A system's one background thread: it calls {@link ObjectPool#trimIdle()} on each pool whose
 * {@link IdlePolicy} trims, four times per idle timeout (so a period's lowest free count is
 * sampled at least four times; see {@link IdlePolicy}), at most every 10 ms and at least every
 * minute. The thread is a daemon, started by the first pool that trims; a system whose pools keep
 * their capacity never starts it.
 *
 * <p>Thread-safe. A pool that is closed stops being called; a trim that fails otherwise (a bug)
 * stops that pool's trimming and goes to the thread's uncaught-exception handler, which prints it.
 */
final class Housekeeper implements AutoCloseable {
    private static final long MIN_PERIOD_NANOS = Duration.ofMillis(10).toNanos();
    private static final long MAX_PERIOD_NANOS = Duration.ofMinutes(1).toNanos();
    private static final int SAMPLES_PER_TIMEOUT = 4;

    /** Null until the first pool that trims; set once by CAS, then shut down by close. */
    private final AtomicReference<ScheduledExecutorService> executor = new AtomicReference<>();
    /** Set by close; a pool registered after it is not watched. */
    private volatile boolean closed;

    /** Calls {@code pool.trimIdle()} periodically if {@code policy} trims; does nothing otherwise. */
    void watch(ObjectPool<?> pool, IdlePolicy policy) {
        if (!policy.trims() || closed) {
            return;
        }
        long period = Math.clamp(policy.timeoutNanos() / SAMPLES_PER_TIMEOUT, MIN_PERIOD_NANOS, MAX_PERIOD_NANOS);
        AtomicReference<ScheduledFuture<?>> self = new AtomicReference<>();
        self.set(executor().scheduleWithFixedDelay(() -> trim(pool, self.get()), period, period, TimeUnit.NANOSECONDS));
    }

    @Override
    public void close() {
        closed = true;
        ScheduledExecutorService running = executor.get();
        if (running != null) {
            running.shutdownNow();
        }
    }

    private static void trim(ObjectPool<?> pool, ScheduledFuture<?> task) {
        try {
            pool.trimIdle();
        } catch (PoolClosedException closedMeanwhile) {
            task.cancel(false);
        } catch (RuntimeException | Error bug) {
            task.cancel(false);
            Thread thread = Thread.currentThread();
            thread.getUncaughtExceptionHandler().uncaughtException(thread, bug);
        }
    }

    private ScheduledExecutorService executor() {
        ScheduledExecutorService current = executor.get();
        if (current != null) {
            return current;
        }
        ScheduledExecutorService created = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("agrama-pools-housekeeper").factory());
        if (executor.compareAndSet(null, created)) {
            return created;
        }
        created.shutdownNow();
        return executor.get();
    }
}

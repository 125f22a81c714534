package pools.api.spi;

import java.util.Objects;
import java.util.function.LongSupplier;
import pools.api.LeakDetection;
import pools.api.MemoryBudget;
import pools.api.PoolConfig;

/**
 * What a system gives each provider when it asks for a pool: the config, the budget every
 * off-heap byte is reserved against, and the sink for events.
 *
 * @param config the system's config
 * @param budget the shared off-heap budget
 * @param events where pools report growth, exhaustion, refusals and (with leak detection) leases
 * @param clock  nanoseconds on {@link System#nanoTime}'s scale, for the pools' idle timeouts;
 *               tests pass a clock they move by hand
 */
public record PoolContext(PoolConfig config, MemoryBudget budget, PoolEvents events, LongSupplier clock) {

    public PoolContext {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(clock, "clock");
    }

    /** A context on the system clock ({@link System#nanoTime}). */
    public PoolContext(PoolConfig config, MemoryBudget budget, PoolEvents events) {
        this(config, budget, events, System::nanoTime);
    }

    /** This context with {@code clock} instead of its own: for tests of idle trimming. */
    public PoolContext withClock(LongSupplier clock) {
        return new PoolContext(config, budget, events, clock);
    }

    /** A context with {@code config}, a budget of its limit, and no event sink: for tests and standalone pools. */
    public static PoolContext standalone(PoolConfig config) {
        return new PoolContext(config, MemoryBudget.withLimit(config.budget().maxTotalPoolMemoryBytes()), PoolEvents.NONE);
    }

    /** Whether pools must report each lease to {@link PoolEvents#acquired}/{@link PoolEvents#released}. */
    public boolean tracksLeases() {
        return config.safetyChecks().leakDetection() != LeakDetection.OFF;
    }
}

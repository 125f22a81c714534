package pools.api.spi;

import pools.api.Capability;

/**
 * What every provider says about itself so a {@link pools.api.MemoryPoolSystem} can choose: the
 * capability it serves, its name, its priority, and whether it can run in this JVM. The system
 * takes the available provider with the highest priority, unless the config names one
 * ({@link pools.api.PoolConfig#preferredProviders()}); ties go to the name that sorts first.
 */
public interface CapabilityProvider {

    /** The capability served. Each sub-interface fixes it. */
    Capability capability();

    /** A short, stable name a config can choose this provider by, for example {@code "fixed"}. */
    String name();

    /** Higher wins. Built-in providers use 100; a host overriding one uses more. */
    int priority();

    /** Whether this provider can run here (for example, whether an optional JDK module is present). */
    default boolean isAvailable() {
        return true;
    }
}

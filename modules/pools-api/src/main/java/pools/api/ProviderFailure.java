package pools.api;

import java.util.Objects;
import java.util.ServiceConfigurationError;

/**
 * A provider that ServiceLoader found but could not use: its class is missing, it does not
 * implement the service, its constructor threw, or it failed when asked its name. The system
 * records it and goes on with the other providers, so one broken jar does not take every
 * capability down; it is named in {@link MemoryPoolSystem#providerFailures()}, in the analytics
 * report, and in the {@link ProviderNotFoundException} if its capability ends up with no provider.
 *
 * @param capability the capability whose providers were being loaded
 * @param error      what went wrong, with the provider's class name where the JDK gives it
 */
public record ProviderFailure(Capability capability, String error) {

    /**
     * @throws NullPointerException if an argument is null
     */
    public ProviderFailure {
        Objects.requireNonNull(capability, "capability");
        Objects.requireNonNull(error, "error");
    }

    /** The failure ServiceLoader reported for {@code capability}, with its cause if it has one. */
    static ProviderFailure of(Capability capability, ServiceConfigurationError error) {
        return new ProviderFailure(capability, withCause(error.getMessage(), error.getCause()));
    }

    /** A discovered provider that threw when asked its name or availability. */
    static ProviderFailure of(Capability capability, Object provider, Throwable error) {
        return new ProviderFailure(capability, withCause("provider " + provider.getClass().getName()
                + " failed when asked its name or availability", error));
    }

    private static String withCause(String message, Throwable cause) {
        return cause == null ? message : message + " (caused by " + cause + ")";
    }

    @Override
    public String toString() {
        return capability + ": " + error;
    }
}

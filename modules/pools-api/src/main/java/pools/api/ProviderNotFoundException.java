package pools.api;

import java.util.Collection;
import java.util.List;

/**
 * No provider serves a capability the host asked for: the provider module is not on the
 * module path (or class path), or the config names a provider that none of them is.
 */
public final class ProviderNotFoundException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final Capability capability;

    private ProviderNotFoundException(Capability capability, String message) {
        super(message);
        this.capability = capability;
    }

    /** No provider at all for the capability. */
    public static ProviderNotFoundException missing(Capability capability) {
        return missing(capability, List.of());
    }

    /** No provider for the capability, though the ones in {@code failures} were found and failed to load. */
    public static ProviderNotFoundException missing(Capability capability, List<ProviderFailure> failures) {
        return new ProviderNotFoundException(capability, "No provider for " + capability
                + " was found: add the module " + capability.moduleName()
                + " (Maven artifact io.agrama.pools:" + capability.artifactId()
                + ") to the module path or class path, or pass a provider to MemoryPoolSystem.builder()"
                + failed(failures));
    }

    /** The config prefers a provider name that no available provider has. */
    public static ProviderNotFoundException notNamed(Capability capability, String wanted, Collection<String> available) {
        return notNamed(capability, wanted, available, List.of());
    }

    /** The config prefers a provider name that no available provider has; those in {@code failures} failed to load. */
    public static ProviderNotFoundException notNamed(Capability capability, String wanted, Collection<String> available,
                                                     List<ProviderFailure> failures) {
        return new ProviderNotFoundException(capability, "The config asks for provider '" + wanted
                + "' for " + capability + ", but the available ones are " + available
                + " (module " + capability.moduleName() + " provides the built-in ones)" + failed(failures));
    }

    private static String failed(List<ProviderFailure> failures) {
        return failures.isEmpty() ? "" : ". Providers of it that failed to load: "
                + failures.stream().map(ProviderFailure::error).toList();
    }

    /** The capability that has no provider. */
    public Capability capability() {
        return capability;
    }
}

package pools.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import pools.api.spi.CapabilityProvider;

/**
 * Chooses one provider per capability among those a host passed and those ServiceLoader finds:
 * the one the config names, else the available one of highest priority, ties by name. A provider
 * that fails to load or to answer is recorded as a {@link ProviderFailure} and skipped, as SLF4J 2
 * does, so one broken jar costs only its own capability, and only if nothing else provides it.
 * Used by one thread, while a system is being built.
 */
final class ProviderSelection {
    private static final Comparator<CapabilityProvider> PREFERENCE =
            Comparator.comparingInt(CapabilityProvider::priority).reversed()
                    .thenComparing(CapabilityProvider::name);
    private static final int MAX_FAILURES_PER_SERVICE = 64;

    private final PoolConfig config;
    private final List<CapabilityProvider> explicit;
    private final boolean discover;
    private final List<ProviderFailure> failures = new ArrayList<>();

    ProviderSelection(PoolConfig config, List<CapabilityProvider> explicit, boolean discover) {
        this.config = config;
        this.explicit = List.copyOf(explicit);
        this.discover = discover;
    }

    /**
     * The chosen provider of {@code type}, or null when there is none at all.
     *
     * @throws ProviderNotFoundException if the config names a provider that is not available; it
     *                                   names the providers of the capability that failed to load
     */
    <P extends CapabilityProvider> P choose(Capability capability, Class<P> type) {
        List<P> available = new ArrayList<>();
        for (CapabilityProvider provider : explicit) {
            if (type.isInstance(provider) && provider.isAvailable()) {
                available.add(type.cast(provider));
            }
        }
        if (discover) {
            // Explicit providers come first, so a host's instance wins over a discovered one of the same name.
            for (P provider : discovered(capability, type)) {
                if (answers(capability, provider) && available.stream().noneMatch(p -> p.name().equals(provider.name()))) {
                    available.add(provider);
                }
            }
        }
        String wanted = config.preferredProviders().get(capability);
        if (wanted != null) {
            return available.stream().filter(p -> p.name().equals(wanted)).findFirst()
                    .orElseThrow(() -> ProviderNotFoundException.notNamed(capability, wanted,
                            available.stream().map(CapabilityProvider::name).sorted().toList(), failures(capability)));
        }
        return available.stream().min(PREFERENCE).orElse(null);
    }

    /** Every provider that failed so far, in the order met. */
    List<ProviderFailure> failures() {
        return List.copyOf(failures);
    }

    /** The failures met while loading providers of {@code capability}. */
    List<ProviderFailure> failures(Capability capability) {
        return failures.stream().filter(f -> f.capability() == capability).toList();
    }

    /**
     * Every provider of {@code type} that ServiceLoader can instantiate. The iterator reports a
     * provider it cannot load or instantiate by throwing from hasNext() or next(), then makes "a
     * best effort" to go on with the next one; the cap stops a loader that keeps failing on the
     * same entry from looping for ever.
     */
    private <P extends CapabilityProvider> List<P> discovered(Capability capability, Class<P> type) {
        List<P> loaded = new ArrayList<>();
        Iterator<P> providers = ServiceLoader.load(type).iterator();
        for (int failed = 0; failed < MAX_FAILURES_PER_SERVICE; ) {
            try {
                if (!providers.hasNext()) {
                    break;
                }
                loaded.add(providers.next());
            } catch (ServiceConfigurationError e) {
                failures.add(ProviderFailure.of(capability, e));
                failed++;
            }
        }
        return loaded;
    }

    /** Whether a discovered provider is available, recording one that throws instead of answering. */
    private boolean answers(Capability capability, CapabilityProvider provider) {
        try {
            provider.name();
            return provider.isAvailable();
        } catch (RuntimeException | LinkageError e) {
            // LinkageError too: a provider built against another version of this API fails that way.
            failures.add(ProviderFailure.of(capability, provider, e));
            return false;
        }
    }
}

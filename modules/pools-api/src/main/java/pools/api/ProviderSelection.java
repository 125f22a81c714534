package pools.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import pools.api.spi.CapabilityProvider;

/**
 * Chooses one provider per capability among those a host passed and those ServiceLoader finds:
 * the one the config names, else the available one of highest priority, ties by name.
 */
final class ProviderSelection {
    private static final Comparator<CapabilityProvider> PREFERENCE =
            Comparator.comparingInt(CapabilityProvider::priority).reversed()
                    .thenComparing(CapabilityProvider::name);

    private final PoolConfig config;
    private final List<CapabilityProvider> explicit;
    private final boolean discover;

    ProviderSelection(PoolConfig config, List<CapabilityProvider> explicit, boolean discover) {
        this.config = config;
        this.explicit = List.copyOf(explicit);
        this.discover = discover;
    }

    /**
     * The chosen provider of {@code type}, or null when there is none at all.
     *
     * @throws ProviderNotFoundException if the config names a provider that is not available
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
            for (P provider : ServiceLoader.load(type)) {
                if (provider.isAvailable() && available.stream().noneMatch(p -> p.name().equals(provider.name()))) {
                    available.add(provider);
                }
            }
        }
        String wanted = config.preferredProviders().get(capability);
        if (wanted != null) {
            return available.stream().filter(p -> p.name().equals(wanted)).findFirst()
                    .orElseThrow(() -> ProviderNotFoundException.notNamed(capability, wanted,
                            available.stream().map(CapabilityProvider::name).sorted().toList()));
        }
        return available.stream().min(PREFERENCE).orElse(null);
    }
}

package pools.it;

import pools.api.Capability;
import pools.api.MemoryPoolSystem;
import pools.api.PoolConfig;
import pools.api.PoolConfigBuilder;
import pools.api.ProviderFailure;
import pools.api.ProviderNotFoundException;

/**
 * Launched by the integration tests in a fresh JVM with a chosen module path: builds a system
 * with whatever providers ServiceLoader finds there and prints one line per capability,
 * {@code CAPABILITY=provider} or {@code CAPABILITY!message} for a missing one, then one line
 * {@code FAILED!CAPABILITY: error} per provider that failed to load.
 */
public final class ProviderProbe {
    private ProviderProbe() {
    }

    public static void main(String[] args) {
        PoolConfigBuilder config = PoolConfig.builder().maxTotalPoolMemoryMb(64);
        for (String arg : args) {
            String[] preference = arg.split("=", 2);
            config.preferProvider(Capability.valueOf(preference[0]), preference[1]);
        }
        try (MemoryPoolSystem system = MemoryPoolSystem.create(config.build())) {
            for (Capability capability : Capability.values()) {
                String provider = system.providers().get(capability);
                System.out.println(provider != null ? capability + "=" + provider
                        : capability + "!" + missingMessage(system, capability));
            }
            for (ProviderFailure failure : system.providerFailures()) {
                System.out.println("FAILED!" + failure);
            }
        }
    }

    private static String missingMessage(MemoryPoolSystem system, Capability capability) {
        try {
            switch (capability) {
                case OBJECT_POOLS -> system.nodePool();
                case EMBEDDING_POOLS -> system.embeddingPool();
                case VECTOR_KERNELS -> system.kernels();
                case ARENAS -> system.arenas();
                case ANALYTICS -> system.report();
            }
            return "present but not listed";
        } catch (ProviderNotFoundException e) {
            return e.getMessage();
        }
    }
}

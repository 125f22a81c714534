package pools.conformance;

import java.util.List;
import java.util.ServiceLoader;
import pools.api.ArenaManager;
import pools.api.PoolConfig;
import pools.api.spi.ArenaManagerProvider;
import pools.api.spi.CapabilityProvider;
import pools.api.spi.EmbeddingPoolProvider;
import pools.api.spi.ObjectPoolProvider;
import pools.api.spi.PoolContext;

/** The providers this project ships, found the way a class-path host finds them. */
final class Providers {
    private Providers() {
    }

    static List<ObjectPoolProvider> objectPools() {
        return load(ObjectPoolProvider.class);
    }

    static List<EmbeddingPoolProvider> embeddingPools() {
        return load(EmbeddingPoolProvider.class);
    }

    static ObjectPoolProvider objectPool() {
        return objectPools().getFirst();
    }

    static EmbeddingPoolProvider embeddingPool() {
        return embeddingPools().getFirst();
    }

    /** A new arena manager from the shipped provider, with a context of its own. */
    static ArenaManager arenaManager() {
        return load(ArenaManagerProvider.class).getFirst().create(context());
    }

    /** A context of its own for each pool: a default config, a 64 MiB budget, no event sink. */
    static PoolContext context() {
        return PoolContext.standalone(PoolConfig.builder().maxTotalPoolMemoryMb(64).build());
    }

    private static <P extends CapabilityProvider> List<P> load(Class<P> type) {
        List<P> found = ServiceLoader.load(type).stream().map(ServiceLoader.Provider::get)
                .filter(CapabilityProvider::isAvailable).toList();
        if (found.isEmpty()) {
            throw new IllegalStateException("no " + type.getSimpleName() + " on the test class path");
        }
        return found;
    }
}

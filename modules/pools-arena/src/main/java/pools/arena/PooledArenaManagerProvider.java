package pools.arena;

import pools.api.ArenaManager;
import pools.api.spi.ArenaManagerProvider;
import pools.api.spi.PoolContext;

/**
 * The built-in {@link ArenaManagerProvider} ("arena"): pooled bump arenas over a page pool. With
 * {@code PoolConfig.checkedArenas(true)} (for tests; the default is unchecked) it picks the cheapest checked mode this module
 * may use: re-scoped pooled pages when native access is enabled for {@code pools.arena}
 * ({@code --enable-native-access=pools.arena}), otherwise one FFM arena per acquisition.
 */
public final class PooledArenaManagerProvider implements ArenaManagerProvider {

    @Override
    public String name() {
        return "arena";
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public ArenaManager create(PoolContext context) {
        Safety safety = Safety.choose(context.config().checkedArenas(), PooledArenaManagerProvider.class.getModule());
        return new PooledArenaManager(context, safety);
    }
}

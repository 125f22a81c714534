package pools.arena;

import pools.api.ArenaManager;
import pools.api.spi.ArenaManagerProvider;
import pools.api.spi.PoolContext;

/**
 * The built-in {@link ArenaManagerProvider} ("arena"): pooled bump arenas over a page pool. It
 * follows {@code PoolConfig.safetyChecks().arenaSafety()}: checked arenas re-scope pooled pages when native
 * access is enabled for this module ({@code --enable-native-access=pools.arena}); without it,
 * {@code CHECKED} falls back to one {@code malloc} per allocation and {@code AUTO} to unchecked,
 * which the manager's stats state in words. No restricted method is called without native access.
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
        StaleSegmentCheck check = StaleSegmentCheck.choose(context.config().safetyChecks().arenaSafety(), PooledArenaManagerProvider.class.getModule());
        return new PooledArenaManager(context, check);
    }
}

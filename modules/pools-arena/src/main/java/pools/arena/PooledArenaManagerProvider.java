package pools.arena;

import pools.api.ArenaManager;
import pools.api.spi.ArenaManagerProvider;
import pools.api.spi.PoolContext;

/** The built-in {@link ArenaManagerProvider} ("arena"). Placeholder until issue #5 lands its implementation. */
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
        throw new UnsupportedOperationException("pools.arena: issue #5");
    }
}

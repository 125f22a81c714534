package pools.api.spi;

import pools.api.ArenaManager;
import pools.api.Capability;

/** Creates {@link ArenaManager}s; module {@code pools.arena} provides the built-in one. */
public interface ArenaManagerProvider extends CapabilityProvider {

    @Override
    default Capability capability() {
        return Capability.ARENAS;
    }

    /** A new manager with the config's arena and page sizes, reserving pages against the budget. */
    ArenaManager create(PoolContext context);
}

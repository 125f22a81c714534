module pools.arena {
    requires pools.api;
    requires org.jctools.core;

    provides pools.api.spi.ArenaManagerProvider with pools.arena.PooledArenaManagerProvider;
}

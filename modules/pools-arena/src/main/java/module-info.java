/**
 * The built-in arena manager: PRIMITIVE, SEARCH and JSON scoped arenas ({@code SegmentAllocator}s
 * closed with try-with-resources) that bump-allocate out of pooled off-heap pages, with O(1) reset
 * on close. Found through {@code provides}; a host never names it and it exports nothing. Checked
 * arenas stay pooled only when the host grants {@code --enable-native-access=pools.arena}.
 */
module pools.arena {
    requires pools.api;
    requires org.jctools.core;

    provides pools.api.spi.ArenaManagerProvider with pools.arena.PooledArenaManagerProvider;
}

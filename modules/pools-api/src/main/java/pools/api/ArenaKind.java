package pools.api;

/** The seed's three kinds of scoped arena, each sized by its own field of {@link PoolConfig.ArenaSizes}. */
public enum ArenaKind {
    /** Scratch memory for one database primitive (validation, temporary processing). */
    PRIMITIVE,
    /** Intermediate results of one search query. */
    SEARCH,
    /** Parsing or building one JSON document. */
    JSON;

    /** The first-chunk size of an arena of this kind under {@code config}. */
    public int sizeIn(PoolConfig config) {
        PoolConfig.ArenaSizes sizes = config.arenaSizes();
        return switch (this) {
            case PRIMITIVE -> sizes.primitiveArenaSize();
            case SEARCH -> sizes.searchArenaSize();
            case JSON -> sizes.jsonArenaSize();
        };
    }
}

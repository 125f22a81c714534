package pools.api;

/** The seed's three kinds of scoped arena, each sized by its own {@link PoolConfig} field. */
public enum ArenaKind {
    /** Scratch memory for one database primitive (validation, temporary processing). */
    PRIMITIVE,
    /** Intermediate results of one search query. */
    SEARCH,
    /** Parsing or building one JSON document. */
    JSON;

    /** The first-chunk size of an arena of this kind under {@code config}. */
    public int sizeIn(PoolConfig config) {
        return switch (this) {
            case PRIMITIVE -> config.primitiveArenaSize();
            case SEARCH -> config.searchArenaSize();
            case JSON -> config.jsonArenaSize();
        };
    }
}

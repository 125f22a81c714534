package pools.api;

/**
 * How much misuse an {@link ObjectPool}'s release detects. Both levels detect, exactly, a
 * sequential double release (an object released when it is already free) and a foreign release
 * (an object the pool never handed out); they differ only when two threads release one object
 * at the same instant.
 */
public enum ReleaseCheck {
    /**
     * The default. A racing double release (two threads releasing one object at the same instant)
     * is best-effort: it may go undetected, and then the object is reset twice and the pool's
     * counters count two releases. Costs no atomic read-modify-write on release.
     */
    SEQUENTIAL,
    /**
     * Also a racing double release: exactly one of the two releases succeeds and the other throws
     * {@link DoubleReleaseException}, leaving the pool as it was. Costs one compare-and-set per
     * release. Tests should run with it.
     */
    RACING
}

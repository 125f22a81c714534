package pools.api.spi;

/**
 * What pools report as it happens, for analytics (JFR events, leak tracking). Every method has
 * an empty default, and {@link #NONE} is the sink when no analytics provider is present.
 *
 * <p>Implementations are called from pool threads and must be thread-safe and quick. Growth,
 * exhaustion and refusals are rare; {@link #acquired} and {@link #released} are called on every
 * lease, but only when {@link pools.api.PoolConfig.SafetyChecks#leakDetection()} is not OFF.
 */
public interface PoolEvents {

    /** The sink that ignores everything. */
    PoolEvents NONE = new PoolEvents() { };

    /** {@code pool} grew from {@code fromCapacity} to {@code toCapacity} objects. */
    default void grown(String pool, long fromCapacity, long toCapacity) {
    }

    /** {@code pool} gave back idle capacity, shrinking from {@code fromCapacity} to {@code toCapacity}. */
    default void trimmed(String pool, long fromCapacity, long toCapacity) {
    }

    /** An acquisition from {@code pool} failed: it is at {@code capacity} with nothing free. */
    default void exhausted(String pool, long capacity) {
    }

    /** The budget refused {@code requestedBytes} to {@code requester}, with {@code reservedBytes} of {@code limitBytes} taken. */
    default void budgetRefused(String requester, long requestedBytes, long reservedBytes, long limitBytes) {
    }

    /** {@code lease} left {@code pool}; leak detection only. */
    default void acquired(String pool, Object lease) {
    }

    /** {@code lease} came back to {@code pool}; leak detection only. */
    default void released(String pool, Object lease) {
    }
}

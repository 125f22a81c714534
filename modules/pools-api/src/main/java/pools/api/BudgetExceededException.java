package pools.api;

/**
 * A reservation would take the shared {@link MemoryBudget} past its limit. The message says
 * which budget, what was asked, and by how much it would overrun. Nothing was reserved.
 */
public final class BudgetExceededException extends PoolExhaustedException {
    private static final long serialVersionUID = 1L;

    private final long requestedBytes;
    private final long overrunBytes;

    public BudgetExceededException(String requester, long requestedBytes, long reservedBytes, long limitBytes) {
        super(requester + " asked for " + requestedBytes + " bytes, but the memory budget has "
                + reservedBytes + " of " + limitBytes + " bytes reserved: that would overrun it by "
                + overrun(requestedBytes, reservedBytes, limitBytes)
                + " bytes (raise PoolConfig.maxTotalPoolMemoryMb or release memory first)");
        this.requestedBytes = requestedBytes;
        this.overrunBytes = overrun(requestedBytes, reservedBytes, limitBytes);
    }

    /** In this order so that a request near {@code Long.MAX_VALUE} does not wrap negative ({@code reserved <= limit}). */
    private static long overrun(long requestedBytes, long reservedBytes, long limitBytes) {
        return requestedBytes - (limitBytes - reservedBytes);
    }

    /** The bytes the refused reservation asked for. */
    public long requestedBytes() {
        return requestedBytes;
    }

    /** How far past the limit the reservation would have gone. */
    public long overrunBytes() {
        return overrunBytes;
    }
}

package pools.api;

/**
 * A thread waiting in {@code acquire} for an object to come back was interrupted. The thread's
 * interrupt status is still set (as it was when the wait ended), so code further up can see it;
 * nothing was acquired and the pool is unchanged. Apart from {@link PoolExhaustedException} on
 * purpose: an interrupt asks the thread to stop, a timeout says the pool is too small.
 */
public final class AcquireInterruptedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AcquireInterruptedException(String message) {
        super(message);
    }
}

package pools.api;

/**
 * How much a system tracks leases that are acquired and never released. Tracking costs a
 * call per acquire and release, so it is off unless asked for.
 */
public enum LeakDetection {
    /** No tracking: the hot path pays nothing. */
    OFF,
    /** A fraction of leases is tracked, without stack traces. */
    SAMPLED,
    /** Every lease is tracked with the stack trace of its acquisition (for tests and debugging). */
    FULL
}

package pools.analytics.jmx;

/**
 * One pool of a system, as JMX shows it: {@code io.agrama.pools:type=Pool,system=<id>,name=<pool>}.
 * Each attribute is read from a fresh snapshot and equals the field of the same name in the
 * JSON report's {@code pools} entry (see docs/report-format.md).
 */
public interface PoolMXBean {
    String getName();

    long getHits();

    long getMisses();

    long getCreated();

    long getAllocated();

    long getFreed();

    /** Objects given back because they stayed free longer than the pool's idle policy allows. */
    long getTrimmed();

    long getInUse();

    long getPeakInUse();

    long getFree();

    long getCapacity();

    long getMaxCapacity();

    long getRefusals();

    long getBytesPerObject();

    long getReusedBytes();

    double getHitRate();

    double getUtilizationRate();

    double getEfficiencyRate();
}

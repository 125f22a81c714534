package pools.analytics;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Percentage;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;

/** JFR, periodic: one pool's counters, one event per pool of every attached system. */
@Name("agrama.PoolStatistics")
@Label("Pool Statistics")
@Category({"Agrama", "Pools"})
@Description("The counters of one pool, taken periodically")
@Period("1 s")
@StackTrace(false)
final class PoolStatisticsEvent extends Event {
    @Label("System")
    @Description("Identifier of the MemoryPoolSystem, as in its JMX ObjectName")
    long system;

    @Label("Pool")
    String pool;

    @Label("Hits")
    @Description("Acquisitions served by a free object")
    long hits;

    @Label("Misses")
    @Description("Acquisitions that created an object")
    long misses;

    @Label("Created")
    @Description("Objects the pool created, pre-created ones included")
    long created;

    @Label("Allocated")
    @Description("Successful acquisitions, hits and misses: counts acquisitions, not objects")
    long allocated;

    @Label("Freed")
    long freed;

    @Label("Trimmed")
    @Description("Objects given back because they stayed free longer than the pool's idle policy allows")
    long trimmed;

    @Label("In Use")
    long inUse;

    @Label("Free")
    @Description("Objects the pool owns that nobody holds")
    long free;

    @Label("Peak In Use")
    long peakInUse;

    @Label("Capacity")
    long capacity;

    @Label("Max Capacity")
    long maxCapacity;

    @Label("Refusals")
    @Description("Acquisitions refused because the pool was exhausted")
    long refusals;

    @Label("Hit Rate")
    @Percentage
    double hitRate;

    @Label("Utilization Rate")
    @Percentage
    double utilizationRate;

    @Label("Efficiency Rate")
    @Description("Releases over acquisitions")
    @Percentage
    double efficiencyRate;

    @Label("Bytes Per Object")
    @Description("Off-heap bytes per object where the pool knows them exactly, else 0")
    @DataAmount
    long bytesPerObject;

    @Label("Reused")
    @Description("Off-heap bytes served again instead of allocated: hits times bytes per object")
    @DataAmount
    long reusedBytes;
}

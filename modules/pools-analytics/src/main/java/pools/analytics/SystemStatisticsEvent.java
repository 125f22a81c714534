package pools.analytics;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;

/** JFR, periodic: one system's budget, arenas and totals. */
@Name("agrama.PoolSystemStatistics")
@Label("Pool System Statistics")
@Category({"Agrama", "Pools"})
@Description("The budget, arenas and totals of one MemoryPoolSystem, taken periodically")
@Period("1 s")
@StackTrace(false)
final class SystemStatisticsEvent extends Event {
    @Label("System")
    @Description("Identifier of the MemoryPoolSystem, as in its JMX ObjectName")
    long system;

    @Label("Budget Limit")
    @DataAmount
    long budgetLimitBytes;

    @Label("Budget Reserved")
    @DataAmount
    long budgetReservedBytes;

    @Label("Budget Peak Reserved")
    @DataAmount
    long budgetPeakReservedBytes;

    @Label("Budget Refusals")
    long budgetRefusals;

    @Label("Active Arenas")
    @Description("Arenas acquired and not closed; -1 without an arena provider")
    long activeArenas;

    @Label("Pooled Arenas")
    @Description("Closed arenas kept for reuse; -1 without an arena provider")
    long pooledArenas;

    @Label("Arena Safety")
    @Description("The arena mode in words: whether a segment used after close is caught, and the flag that changes it")
    String arenaSafety;

    @Label("Allocations Saved")
    @Description("Acquisitions served by a free object, over every pool")
    long allocationsSaved;

    @Label("Memory Reused")
    @DataAmount
    long memoryReusedBytes;

    @Label("Outstanding Leaks")
    @Description("Tracked leases not released; 0 when leak detection is off")
    long leaks;
}

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

    @Label("Budget Available")
    @DataAmount
    long budgetAvailableBytes;

    @Label("Budget Refusals")
    long budgetRefusals;

    @Label("Active Arenas")
    @Description("Arenas acquired and not closed; -1 without an arena provider")
    long activeArenas;

    @Label("Pooled Arenas")
    @Description("Closed arenas kept for reuse; -1 without an arena provider")
    long pooledArenas;

    @Label("Arena Acquisitions")
    @Description("Arenas handed out so far; -1 without an arena provider")
    long arenaAcquisitions;

    @Label("Arena Pages In Use")
    @Description("Pages held by active arenas; -1 without an arena provider")
    long arenaPagesInUse;

    @Label("Arena Idle Pages")
    @Description("Pages kept for reuse, in the page pool or by closed arenas; -1 without an arena provider")
    long arenaIdlePages;

    @Label("Arena Reserved")
    @Description("Off-heap bytes the arena manager holds against the budget; -1 without an arena provider")
    @DataAmount
    long arenaReservedBytes;

    @Label("Arena Oversize Allocations")
    @Description("Requests larger than the largest page, served on their own; -1 without an arena provider")
    long arenaOversizeAllocations;

    @Label("Arena Mode")
    @Description("The ArenaMode constant, such as CHECKED_POOLED; \"none\" without an arena provider")
    String arenaMode;

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

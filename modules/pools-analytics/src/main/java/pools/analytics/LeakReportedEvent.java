package pools.analytics;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * JFR: a lease acquired and not released, emitted the first time a snapshot (or the system's
 * close) reports it. The acquiring stack is a field, since the event's own stack is the reporter's.
 */
@Name("agrama.LeakReported")
@Label("Leak Reported")
@Category({"Agrama", "Pools"})
@Description("A lease was acquired and not released by the time a snapshot or close reported it")
@StackTrace(false)
final class LeakReportedEvent extends Event {
    @Label("System")
    @Description("Identifier of the MemoryPoolSystem, as in its JMX ObjectName")
    long system;

    @Label("Pool")
    String pool;

    @Label("Lease")
    @Description("Class and identity hash of the leased object")
    String lease;

    @Label("Thread")
    @Description("Name of the thread that acquired it")
    String acquiringThread;

    @Label("Age")
    @Description("Time from acquisition to this report")
    @Timespan(Timespan.NANOSECONDS)
    long age;

    @Label("Acquired At")
    @Description("Acquiring stack, one frame a line, outermost last; empty unless leak detection is FULL")
    String acquiredAt;
}

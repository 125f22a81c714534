package pools.analytics;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** JFR: the shared memory budget refused a reservation. */
@Name("agrama.BudgetRefused")
@Label("Budget Refused")
@Category({"Agrama", "Pools"})
@Description("The shared off-heap memory budget refused a reservation that would overrun its limit")
final class BudgetRefusedEvent extends Event {
    @Label("System")
    @Description("Identifier of the MemoryPoolSystem, as in its JMX ObjectName")
    long system;

    @Label("Requester")
    @Description("The pool or arena manager that asked")
    String requester;

    @Label("Requested")
    @DataAmount
    long requestedBytes;

    @Label("Reserved")
    @Description("Bytes already reserved when the request came")
    @DataAmount
    long reservedBytes;

    @Label("Limit")
    @DataAmount
    long limitBytes;
}

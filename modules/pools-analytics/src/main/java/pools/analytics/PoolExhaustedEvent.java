package pools.analytics;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** JFR: an acquisition failed because the pool was at its max with nothing free. */
@Name("agrama.PoolExhausted")
@Label("Pool Exhausted")
@Category({"Agrama", "Pools"})
@Description("An acquisition failed: the pool is at its maximum capacity and every object is in use")
final class PoolExhaustedEvent extends Event {
    @Label("System")
    @Description("Identifier of the MemoryPoolSystem, as in its JMX ObjectName")
    long system;

    @Label("Pool")
    String pool;

    @Label("Capacity")
    long capacity;
}

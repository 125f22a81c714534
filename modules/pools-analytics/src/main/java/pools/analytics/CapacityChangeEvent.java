package pools.analytics;

import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;

/**
 * The fields of a JFR event that records a pool's capacity moving, up ({@link PoolGrowthEvent})
 * or down ({@link PoolTrimEvent}); JFR records a superclass's fields with each subclass's event.
 */
abstract class CapacityChangeEvent extends Event {
    @Label("System")
    @Description("Identifier of the MemoryPoolSystem, as in its JMX ObjectName")
    long system;

    @Label("Pool")
    String pool;

    @Label("From Capacity")
    long fromCapacity;

    @Label("To Capacity")
    long toCapacity;

    /** Fills in the fields and commits, if this event type is enabled. */
    final void commit(long system, String pool, long fromCapacity, long toCapacity) {
        if (shouldCommit()) {
            this.system = system;
            this.pool = pool;
            this.fromCapacity = fromCapacity;
            this.toCapacity = toCapacity;
            commit();
        }
    }
}

package pools.analytics;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** JFR: a pool created objects to grow. Rare (a pool grows O(log max) times), so always recorded with its stack. */
@Name("agrama.PoolGrowth")
@Label("Pool Growth")
@Category({"Agrama", "Pools"})
@Description("An object or embedding pool created objects to raise its capacity")
final class PoolGrowthEvent extends CapacityChangeEvent {
}

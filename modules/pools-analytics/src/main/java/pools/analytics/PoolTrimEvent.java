package pools.analytics;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** JFR: a pool gave back idle capacity. Rare (at most once per idle timeout per pool), so always recorded. */
@Name("agrama.PoolTrim")
@Label("Pool Trim")
@Category({"Agrama", "Pools"})
@Description("An object or embedding pool gave back objects (or whole slabs) that stayed free past its idle policy")
final class PoolTrimEvent extends CapacityChangeEvent {
}

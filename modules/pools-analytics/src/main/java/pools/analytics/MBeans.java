package pools.analytics;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import pools.api.ObjectPool;

/**
 * The JMX beans of one system on the platform MBean server: one {@link SystemBean} and one
 * {@link PoolBean} per pool. Registering again adds beans for pools created since; closing
 * unregisters them all. Methods are synchronized: registration is rare and must not interleave
 * with unregistration.
 */
final class MBeans {
    /** The ObjectName domain of every bean. */
    static final String DOMAIN = "io.agrama.pools";

    private final long system;
    private final PoolAnalyticsService service;
    /** Names this system registered, guarded by this object's monitor. */
    private final List<ObjectName> registered = new ArrayList<>();

    MBeans(long system, PoolAnalyticsService service) {
        this.system = system;
        this.service = service;
    }

    /** {@code io.agrama.pools:type=PoolSystem,system=<id>}. */
    static ObjectName systemName(long system) {
        return name("type=PoolSystem,system=" + system);
    }

    /** {@code io.agrama.pools:type=Pool,system=<id>,name=<pool>}, the pool's name quoted if JMX needs it. */
    static ObjectName poolName(long system, String pool) {
        String value = pool.matches("[A-Za-z0-9._\\-]+") ? pool : ObjectName.quote(pool);
        return name("type=Pool,system=" + system + ",name=" + value);
    }

    synchronized void register(List<ObjectPool<?>> pools) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        registerOnce(server, systemName(system), new SystemBean(service));
        for (ObjectPool<?> pool : pools) {
            registerOnce(server, poolName(system, pool.name()), new PoolBean(pool));
        }
    }

    synchronized void unregister() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        for (ObjectName name : registered) {
            try {
                server.unregisterMBean(name);
            } catch (JMException e) {
                // Someone else unregistered it already: the goal, that it is gone, is met.
            }
        }
        registered.clear();
    }

    private void registerOnce(MBeanServer server, ObjectName name, Object bean) {
        if (registered.contains(name)) {
            return;
        }
        try {
            server.registerMBean(bean, name);
        } catch (JMException e) {
            throw new IllegalStateException("cannot register MXBean " + name + ": " + e.getMessage(), e);
        }
        registered.add(name);
    }

    private static ObjectName name(String properties) {
        try {
            return new ObjectName(DOMAIN + ":" + properties);
        } catch (JMException e) {
            throw new IllegalArgumentException("not a valid JMX name: " + DOMAIN + ":" + properties, e);
        }
    }
}

package pools.it;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.rmi.server.RMIServerSocketFactory;
import java.util.Map;
import java.util.TreeSet;
import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;
import javax.management.remote.rmi.RMIConnectorServer;
import pools.api.MemoryPoolSystem;
import pools.api.PoolConfig;
import pools.api.seed.GraphNode;

/**
 * Launched by the integration tests in a fresh JVM: registers a system's MXBeans and reads every
 * attribute of every {@code io.agrama.pools} bean the way JConsole and VisualVM do, from outside
 * the module, first through the platform MBean server, then through an RMI connector on the
 * loopback address. Prints {@code via name attribute=value} per attribute ({@code value} is the
 * number, or the type for other values), or {@code via name attribute FAILED error}.
 */
public final class JmxProbe {
    private JmxProbe() {
    }

    public static void main(String[] args) throws Exception {
        // The connector's stub must name an address the client can reach, whatever the host name resolves to.
        System.setProperty("java.rmi.server.hostname", "127.0.0.1");
        try (MemoryPoolSystem system = MemoryPoolSystem.create(PoolConfig.builder().maxTotalPoolMemoryMb(64).build())) {
            GraphNode node = system.nodePool().acquire();
            system.nodePool().release(node);
            system.nodePool().acquire();
            system.registerMBeans();
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            readAll("platform", server);
            JMXConnectorServer connector = JMXConnectorServerFactory.newJMXConnectorServer(
                    new JMXServiceURL("service:jmx:rmi://127.0.0.1"), Map.of(
                            RMIConnectorServer.RMI_SERVER_SOCKET_FACTORY_ATTRIBUTE, loopbackOnly()), server);
            connector.start();
            try (JMXConnector client = JMXConnectorFactory.connect(connector.getAddress())) {
                readAll("connector", client.getMBeanServerConnection());
            } finally {
                connector.stop();
            }
        }
    }

    private static void readAll(String via, MBeanServerConnection server) throws Exception {
        for (ObjectName name : new TreeSet<>(server.queryNames(new ObjectName("io.agrama.pools:*"), null))) {
            for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
                try {
                    Object value = server.getAttribute(name, attribute.getName());
                    System.out.println(via + " " + name + " " + attribute.getName() + "="
                            + (value instanceof Number ? value : value.getClass().getSimpleName()));
                } catch (JMException | RuntimeException e) {
                    System.out.println(via + " " + name + " " + attribute.getName() + " FAILED " + e);
                }
            }
        }
    }

    /** Listens on the loopback address only: an unauthenticated connector must not be reachable from elsewhere. */
    private static RMIServerSocketFactory loopbackOnly() {
        return port -> new ServerSocket(port, 0, InetAddress.getLoopbackAddress());
    }
}

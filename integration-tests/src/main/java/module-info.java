/**
 * The test and demo host: sees only pools.api, gets every capability through ServiceLoader.
 * The demo measures heap allocation per thread, hence jdk.management; the JMX probe reads the
 * MXBeans through a loopback RMI connector, as JConsole does, hence java.management.rmi.
 */
module pools.it {
    requires pools.api;
    requires jdk.management;
    requires java.management.rmi;
    exports pools.it;
}

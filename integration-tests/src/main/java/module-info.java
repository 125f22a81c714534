/**
 * The test and demo host: sees only pools.api, gets every capability through ServiceLoader.
 * The demo measures heap allocation per thread, hence jdk.management; the JMX probe reads the
 * MXBeans through a loopback RMI connector, as JConsole does, hence java.management.rmi. The
 * demo records latencies with HdrHistogram and draws its chart with XChart (on java.desktop).
 */
// HdrHistogram's and XChart's jars carry no module-info (automatic modules): the
// requires-automatic warning is about their packaging, not about anything we can change. The
// module exports nothing: it is an application (hosts are launched, never compiled against), and
// an application may require HdrHistogram's filename-named module without the compiler plugin's
// warning against publishing it.
@SuppressWarnings("requires-automatic")
module pools.it {
    requires pools.api;
    requires jdk.management;
    requires java.management.rmi;
    requires java.desktop;
    requires HdrHistogram;
    requires org.knowm.xchart;
}

/**
 * The test and demo host: sees only pools.api, gets every capability through ServiceLoader.
 * The demo measures heap allocation per thread, hence jdk.management.
 */
module pools.it {
    requires pools.api;
    requires jdk.management;
    exports pools.it;
}

/** The test and demo host: sees only pools.api, gets every capability through ServiceLoader. */
module pools.it {
    requires pools.api;
    exports pools.it;
}

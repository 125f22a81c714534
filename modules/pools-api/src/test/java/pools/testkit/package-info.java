/**
 * The shared test kit: fakes and fixtures that the tests of every module use, in one place.
 *
 * <p>It lives in the tests of pools-api (it needs only the API) and ships as pools-api's test jar,
 * which holds this package alone, with the automatic module name {@code pools.testkit}. Other
 * modules take it as a test dependency ({@code <type>test-jar</type>}); their tests see it on the
 * class path.
 */
package pools.testkit;

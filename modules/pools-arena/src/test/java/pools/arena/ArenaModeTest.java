package pools.arena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pools.api.ArenaMode;
import pools.api.ArenaSafety;
import pools.api.ArenaStats;
import pools.api.spi.PoolContext;

/** Which mode each policy gets with and without native access, and what the reports say about it. */
class ArenaModeTest {
    /** This module: the tests run with --enable-native-access=pools.arena. */
    private static final Module WITH_ACCESS = PooledArena.class.getModule();
    /** The unnamed module of a fresh loader: nobody granted it native access, and it never used it. */
    private static final Module WITHOUT_ACCESS = new URLClassLoader(new URL[0]).getUnnamedModule();

    /**
     * These tests need pools.arena as a named module (Surefire's module path): on the class path,
     * as PIT runs them, every unnamed module shares the one native-access grant, so there is no
     * module without it to compare with.
     */
    @BeforeEach
    void onTheModulePath() {
        assumeTrue(WITH_ACCESS.isNamed(), "pools.arena runs on the class path here");
    }

    @Test
    void theTestsRunWithNativeAccessForThisModuleOnly() {
        assertTrue(WITH_ACCESS.isNamed() && WITH_ACCESS.isNativeAccessEnabled(), WITH_ACCESS.toString());
        assertFalse(WITHOUT_ACCESS.isNativeAccessEnabled());
    }

    @Test
    void autoIsCheckedAndPooledExactlyWhenNativeAccessIsEnabled() {
        assertEquals(StaleSegmentCheck.RESCOPED, StaleSegmentCheck.choose(ArenaSafety.AUTO, WITH_ACCESS));
        assertEquals(StaleSegmentCheck.UNCHECKED, StaleSegmentCheck.choose(ArenaSafety.AUTO, WITHOUT_ACCESS));
        assertEquals(StaleSegmentCheck.RESCOPED, StaleSegmentCheck.choose(ArenaSafety.CHECKED, WITH_ACCESS));
        assertEquals(StaleSegmentCheck.PER_ALLOCATION, StaleSegmentCheck.choose(ArenaSafety.CHECKED, WITHOUT_ACCESS),
                "CHECKED stays safe without native access");
        assertEquals(StaleSegmentCheck.UNCHECKED, StaleSegmentCheck.choose(ArenaSafety.UNCHECKED, WITH_ACCESS));
        assertEquals(StaleSegmentCheck.UNCHECKED, StaleSegmentCheck.choose(ArenaSafety.UNCHECKED, WITHOUT_ACCESS));
    }

    @Test
    void uncheckedForWantOfNativeAccessNamesTheFlagForTheModuleOrTheClassPath() {
        String named = StaleSegmentCheck.UNCHECKED.describe(ArenaSafety.AUTO, WITH_ACCESS);
        assertTrue(named.startsWith("UNCHECKED because module pools.arena has no native access"), named);
        assertTrue(named.contains("run with --enable-native-access=pools.arena to make arenas checked"), named);
        String classPath = StaleSegmentCheck.UNCHECKED.describe(ArenaSafety.AUTO, WITHOUT_ACCESS);
        assertTrue(classPath.contains("run with --enable-native-access=ALL-UNNAMED"), classPath);
    }

    @Test
    void everyOtherModeSaysWhatItGuaranteesAndWhetherItIsSlower() {
        String chosen = StaleSegmentCheck.UNCHECKED.describe(ArenaSafety.UNCHECKED, WITH_ACCESS);
        assertTrue(chosen.startsWith("UNCHECKED, as the config chose (ArenaSafety.UNCHECKED)"), chosen);
        assertTrue(chosen.contains("not detected"), chosen);
        String slower = StaleSegmentCheck.PER_ALLOCATION.describe(ArenaSafety.CHECKED, WITH_ACCESS);
        assertTrue(slower.startsWith("checked but slower"), slower);
        assertTrue(slower.contains("--enable-native-access=pools.arena to pool pages"), slower);
        String pooled = StaleSegmentCheck.RESCOPED.describe(ArenaSafety.AUTO, WITH_ACCESS);
        assertTrue(pooled.startsWith("checked and pooled") && pooled.contains("IllegalStateException"), pooled);
    }

    @Test
    void theManagersStatsAndToStringCarryTheModeItRunsIn() {
        for (ArenaSafety policy : ArenaSafety.values()) {
            try (PooledArenaManager manager = (PooledArenaManager) new PooledArenaManagerProvider().create(
                    PoolContext.standalone(TestManagers.config().arenaSafety(policy).build()))) {
                ArenaStats stats = manager.stats();
                StaleSegmentCheck expected = StaleSegmentCheck.choose(policy, WITH_ACCESS);
                assertEquals(expected.mode(), stats.mode(), policy.name());
                assertEquals(expected.describe(policy, WITH_ACCESS), stats.modeDescription());
                assertTrue(manager.toString().contains(stats.modeDescription()), manager.toString());
                assertEquals(policy != ArenaSafety.UNCHECKED, stats.mode().checked());
            }
        }
        try (PooledArenaManager manager = TestManagers.manager(StaleSegmentCheck.PER_ALLOCATION)) {
            assertEquals(ArenaMode.CHECKED_UNPOOLED, manager.stats().mode());
        }
    }
}

package pools.arena;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;
import pools.api.ArenaSafety;

/**
 * The words of each mode, whole, for a named module and an unnamed one. Unlike
 * {@link ArenaModeTest} these need no native access, so they run on the class path too.
 */
class ArenaModeWordsTest {
    private static final Module NAMED = Object.class.getModule();
    private static final Module UNNAMED = new URLClassLoader(new URL[0]).getUnnamedModule();
    private static final String UNCHECKED = "a segment used after its arena closes is not detected: it reads and writes"
            + " memory the next holder may be using, and allocations are not zeroed";

    @Test
    void uncheckedSaysWhyAndNamesTheFlagForTheModuleOrTheClassPath() {
        assertEquals("UNCHECKED because module pools.arena has no native access: " + UNCHECKED
                        + "; run with --enable-native-access=java.base to make arenas checked",
                StaleSegmentCheck.UNCHECKED.describe(ArenaSafety.AUTO, NAMED));
        assertEquals("UNCHECKED because module pools.arena has no native access: " + UNCHECKED
                        + "; run with --enable-native-access=ALL-UNNAMED to make arenas checked",
                StaleSegmentCheck.UNCHECKED.describe(ArenaSafety.AUTO, UNNAMED));
        assertEquals("UNCHECKED, as the config chose (ArenaSafety.UNCHECKED): " + UNCHECKED,
                StaleSegmentCheck.UNCHECKED.describe(ArenaSafety.UNCHECKED, UNNAMED));
    }

    @Test
    void theCheckedModesSayWhatTheyGuaranteeAndWhatWouldPoolPages() {
        assertEquals("checked and pooled: a segment used after its arena closes throws IllegalStateException,"
                + " and allocations are zeroed", StaleSegmentCheck.RESCOPED.describe(ArenaSafety.AUTO, NAMED));
        assertEquals("checked but slower: a segment used after its arena closes throws IllegalStateException and"
                        + " allocations are zeroed, but every allocation is its own malloc because module pools.arena"
                        + " has no native access; run with --enable-native-access=ALL-UNNAMED to pool pages",
                StaleSegmentCheck.PER_ALLOCATION.describe(ArenaSafety.CHECKED, UNNAMED));
    }
}

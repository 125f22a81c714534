package pools.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import pools.api.IdlePolicy;

class IdleWatchTest {
    private static final long SECOND = Duration.ofSeconds(1).toNanos();
    private final IdleWatch watch = new IdleWatch(IdlePolicy.after(Duration.ofSeconds(10)));

    @Test
    void reportsTheLowestFreeCountOfAPeriodOnceItLastedTheTimeout() {
        assertEquals(0, watch.sample(0, 9), "the first sample starts the period");
        assertEquals(0, watch.sample(4 * SECOND, 3));
        assertEquals(0, watch.sample(9 * SECOND, 7));
        assertEquals(0, watch.sample(10 * SECOND - 1, 8), "one nanosecond short of the timeout");
        assertEquals(3, watch.sample(10 * SECOND, 8), "3 stayed free throughout; the dip to 3 is the bound");
    }

    @Test
    void theNextPeriodStartsWithWhatWasReportedCountedAsGone() {
        watch.sample(0, 6);
        assertEquals(6, watch.sample(10 * SECOND, 6));
        assertEquals(0, watch.sample(15 * SECOND, 6), "a new period started at 10 s");
        assertEquals(0, watch.sample(20 * SECOND, 6),
                "its lowest is 0: the 6 reported were given back, and the 6 now free came back after");
        assertEquals(6, watch.sample(30 * SECOND, 6));
    }

    @Test
    void aBusyPoolReportsNothing() {
        watch.sample(0, 4);
        watch.sample(5 * SECOND, 0);
        assertEquals(0, watch.sample(10 * SECOND, 4));
    }

    @Test
    void keepNeverReports() {
        IdleWatch keep = new IdleWatch(IdlePolicy.KEEP);
        keep.sample(0, 5);
        assertEquals(0, keep.sample(Long.MAX_VALUE / 2, 5));
    }

    @Test
    void aNegativeFreeCountIsRefusedAndChangesNothing() {
        watch.sample(0, 5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> watch.sample(SECOND, -1));
        assertEquals("free must be 0 or more, was -1", e.getMessage());
        assertEquals(5, watch.sample(10 * SECOND, 5));
    }
}

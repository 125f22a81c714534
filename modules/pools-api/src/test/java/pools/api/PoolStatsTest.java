package pools.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PoolStatsTest {

    @Test
    void derivedFiguresFollowTheCounters() {
        PoolStats s = new PoolStats("p", 30, 10, 20, 25, 18, 20, 100, 2, 64);
        assertEquals(40, s.allocated());
        assertEquals(15, s.inUse());
        assertEquals(5, s.free());
        assertEquals(15.0 / 20, s.utilizationRate());
        assertEquals(25.0 / 40, s.efficiencyRate());
        assertEquals(30.0 / 40, s.hitRate());
        assertEquals(30 * 64, s.reusedBytes());
    }

    @Test
    void ratesOfAnUnusedPoolAreZeroNotNaN() {
        PoolStats s = new PoolStats("p", 0, 0, 0, 0, 0, 0, 10, 0, 0);
        assertEquals(0.0, s.utilizationRate());
        assertEquals(0.0, s.efficiencyRate());
        assertEquals(0.0, s.hitRate());
    }
}

package pools.api;

import pools.api.seed.SearchResult;
import pools.api.seed.GraphNode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import pools.api.spi.GrowthStep;

/** The seed's pooled types and the small value types: what each accessor returns and what clear() forgets. */
class DomainTypesTest {

    @Test
    void aGraphNodeKeepsItsFieldsAndEdgesUntilCleared() {
        GraphNode node = new GraphNode();
        assertSame(node, node.id(42).label("n").timestampMillis(7));
        for (long edge = 1; edge <= 9; edge++) {
            assertSame(node, node.addEdge(edge * 10));
        }
        assertEquals(42, node.id());
        assertEquals("n", node.label());
        assertEquals(7, node.timestampMillis());
        assertEquals(9, node.edgeCount());
        for (int i = 0; i < 9; i++) {
            assertEquals((i + 1) * 10L, node.edge(i));
        }
        assertThrows(IndexOutOfBoundsException.class, () -> node.edge(9));
        assertThrows(IndexOutOfBoundsException.class, () -> node.edge(-1));
        node.clear();
        assertEquals(0, node.id());
        assertNull(node.label());
        assertEquals(0, node.timestampMillis());
        assertEquals(0, node.edgeCount());
        node.addEdge(5);
        assertEquals(5, node.edge(0));
        assertThrows(IndexOutOfBoundsException.class, () -> node.edge(1), "cleared edges are gone");
    }

    @Test
    void aSearchResultKeepsItsFieldsUntilCleared() {
        SearchResult result = new SearchResult();
        assertSame(result, result.nodeId(3).score(0.5f).rank(2).path("a/b"));
        assertEquals(3, result.nodeId());
        assertEquals(0.5f, result.score());
        assertEquals(2, result.rank());
        assertEquals("a/b", result.path());
        result.clear();
        assertEquals(0, result.nodeId());
        assertEquals(0f, result.score());
        assertEquals(0, result.rank());
        assertNull(result.path());
    }

    @Test
    void neighboursKeepTheKNearestInOrderForEveryMetric() {
        Random random = new Random(19);
        for (Metric metric : Metric.values()) {
            for (int k : new int[] {1, 2, 3, 5, 8}) {
                float[] scores = new float[40];
                for (int i = 0; i < scores.length; i++) {
                    scores[i] = random.nextInt(1000) / 10f;
                }
                Neighbors top = new Neighbors(k);
                assertEquals(k, top.capacity());
                top.begin(metric);
                for (int i = 0; i < scores.length; i++) {
                    top.offer(i, scores[i]);
                }
                top.finish();
                assertSame(metric, top.metric());
                assertEquals(k, top.size());
                Integer[] order = new Integer[scores.length];
                Arrays.setAll(order, i -> i);
                Arrays.sort(order, (a, b) -> metric.higherIsNearer()
                        ? Float.compare(scores[b], scores[a]) : Float.compare(scores[a], scores[b]));
                for (int rank = 0; rank < k; rank++) {
                    assertEquals(scores[order[rank]], top.score(rank), metric + " k=" + k + " rank " + rank);
                    assertEquals(scores[order[rank]], scores[top.index(rank)], metric + " k=" + k + " rank " + rank);
                }
                assertThrows(IndexOutOfBoundsException.class, () -> top.index(k));
                assertThrows(IndexOutOfBoundsException.class, () -> top.score(-1));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new Neighbors(0));
        Neighbors one = new Neighbors(1);
        assertEquals(1, one.capacity());
        one.begin(Metric.DOT);
        one.offer(4, 1f);
        one.finish();
        assertEquals(4, one.index(0));
        assertEquals(1f, one.score(0));
    }

    @Test
    void fewerCandidatesThanKKeepThemAll() {
        Neighbors top = new Neighbors(5);
        top.begin(Metric.SQUARED_L2);
        top.offer(0, 3f);
        top.offer(1, 1f);
        top.offer(2, 2f);
        top.finish();
        assertEquals(3, top.size());
        assertEquals(1, top.index(0));
        assertEquals(2, top.index(1));
        assertEquals(0, top.index(2));
        assertThrows(IndexOutOfBoundsException.class, () -> top.index(3));
        top.begin(Metric.DOT);
        assertEquals(0, top.size(), "a new scan starts empty");
    }

    @Test
    void metricsSayWhichWayIsNearer() {
        assertTrue(Metric.DOT.higherIsNearer());
        assertTrue(Metric.COSINE.higherIsNearer());
        assertFalse(Metric.SQUARED_L2.higherIsNearer());
    }

    @Test
    void growthStepsFollowTheFactorTheMinimumAndTheMax() {
        assertEquals(15, GrowthStep.next(10, 1.5, 1, 100));
        assertEquals(13, GrowthStep.next(10, 1.25, 1, 100), "rounded up");
        assertEquals(14, GrowthStep.next(10, 1.1, 4, 100), "at least the minimum step");
        assertEquals(12, GrowthStep.next(10, 1.5, 1, 12), "at most the max");
        assertEquals(12, GrowthStep.next(12, 1.5, 1, 12), "at the max it stays");
        assertEquals(13, GrowthStep.next(13, 1.5, 1, 12), "past the max it stays too");
        assertEquals(1, GrowthStep.next(0, 2.0, 1, 5), "an empty pool grows by the minimum");
        assertEquals(1, GrowthStep.next(0, 2.0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> GrowthStep.next(1, 2.0, 0, 5));
        assertEquals(Integer.MAX_VALUE, GrowthStep.next(Integer.MAX_VALUE - 1, 16.0, 1, Integer.MAX_VALUE), "no wrap");
    }

    @Test
    void arenaKindsTakeTheirSizeFromTheConfig() {
        PoolConfig config = PoolConfig.builder().arenaSizes(1000, 2000, 3000).build();
        assertEquals(1000, ArenaKind.PRIMITIVE.sizeIn(config));
        assertEquals(2000, ArenaKind.SEARCH.sizeIn(config));
        assertEquals(3000, ArenaKind.JSON.sizeIn(config));
    }

    @Test
    void arenaModesSayWhetherTheyAreChecked() {
        for (ArenaMode mode : ArenaMode.values()) {
            assertEquals(mode.name().startsWith("CHECKED"), mode.checked(), mode.name());
        }
    }

    @Test
    void analyticsSumHitsAndReusedBytesOverPools() {
        PoolStats a = new PoolStats("a", 5, 1, 1, 3, 2, 4, 8, 0, 16);
        PoolStats b = new PoolStats("b", 2, 2, 2, 4, 2, 4, 8, 0, 0);
        PoolAnalytics snapshot = new PoolAnalytics(java.time.Instant.EPOCH, PoolConfig.defaults(), java.util.Map.of(),
                java.util.List.of(a, b), null, new BudgetStats(10, 0, 0, 0), java.util.List.of());
        assertEquals(7, snapshot.allocationsSaved());
        assertEquals(80, snapshot.memoryReusedBytes());
        assertSame(b, snapshot.pool("b"));
        assertNull(snapshot.pool("c"));
    }
}

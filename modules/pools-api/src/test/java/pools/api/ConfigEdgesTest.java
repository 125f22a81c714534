package pools.api;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Every range check of the config and the specs at its edges: the value on the edge is accepted
 * and the one just past it refused by name, so a check that is off by one fails here.
 */
class ConfigEdgesTest {
    private static final int MIB = 1 << 20;

    private static PoolConfig accepted(UnaryOperator<PoolConfigBuilder> change) {
        return assertDoesNotThrow(() -> change.apply(PoolConfig.builder()).build());
    }

    private static void refused(String field, UnaryOperator<PoolConfigBuilder> change) {
        assertEquals(field, assertThrows(InvalidConfigException.class,
                () -> change.apply(PoolConfig.builder()).build()).field());
    }

    @Test
    void pageSizesAtTheirLowestAndHighest() {
        PoolConfig lowest = accepted(b -> b.pageSizes(64, 128, 256));
        assertEquals(256, lowest.pageSizes().largePageSize());
        accepted(b -> b.pageSizes(1 << 28, 1 << 29, 1 << 30));
        refused("smallPageSize", b -> b.pageSizes(32, 128, 256));
        refused("mediumPageSize", b -> b.pageSizes(64, 64, 256));
    }

    @Test
    void countsAtOne() {
        PoolConfig ones = accepted(b -> b.maxNodesPerPool(1).maxSearchResultsPerPool(1).maxJsonObjectsPerPool(1)
                .maxEmbeddingsPerPool(1).arenaSizes(1, 1, 1).maxTotalPoolMemoryMb(1).initialPoolCapacity(0));
        assertEquals(0, ones.capacities().initialPoolCapacity());
        assertEquals(0, ones.initialCapacityFor(1));
        assertEquals(0, ones.initialCapacityFor(5), "initial 0 stays 0 whatever the max");
        assertEquals(3, accepted(b -> b.initialPoolCapacity(3)).initialCapacityFor(10));
    }

    @Test
    void embeddingDimensionAndAlignmentAtTheirEdges() {
        accepted(b -> b.embeddingDimension(1));
        accepted(b -> b.embeddingDimension(1 << 20).initialPoolCapacity(0));
        refused("embeddingDimension", b -> b.embeddingDimension((1 << 20) + 1).initialPoolCapacity(0));
        accepted(b -> b.embeddingAlignment(32));
        accepted(b -> b.embeddingAlignment(4096));
        refused("embeddingAlignment", b -> b.embeddingAlignment(8192));
    }

    @Test
    void growthFactorAtItsHighest() {
        assertEquals(16.0, accepted(b -> b.poolGrowthFactor(16.0)).budget().poolGrowthFactor());
        refused("poolGrowthFactor", b -> b.poolGrowthFactor(16.000001));
        accepted(b -> b.poolGrowthFactor(1.000001));
    }

    @Test
    void idleRetainFromZeroToTheWholeBudget() {
        assertEquals(0, accepted(b -> b.arenaIdleRetainBytes(0)).budget().arenaIdleRetainBytes());
        assertEquals(8L * MIB, accepted(b -> b.maxTotalPoolMemoryMb(8).arenaIdleRetainBytes(8L * MIB)).budget().arenaIdleRetainBytes());
        refused("arenaIdleRetainBytes", b -> b.maxTotalPoolMemoryMb(8).arenaIdleRetainBytes(8L * MIB + 1));
    }

    @Test
    void everyArenaKindMustFitTheBudgetAndMayFillIt() {
        accepted(b -> b.maxTotalPoolMemoryMb(1).arenaSizes(MIB, MIB, MIB));
        refused("primitiveArenaSize", b -> b.maxTotalPoolMemoryMb(1).arenaSizes(MIB + 1, 1, 1));
        refused("searchArenaSize", b -> b.maxTotalPoolMemoryMb(1).arenaSizes(1, MIB + 1, 1));
        refused("jsonArenaSize", b -> b.maxTotalPoolMemoryMb(1).arenaSizes(1, 1, MIB + 1));
    }

    @Test
    void theInitialEmbeddingsMayFillTheBudgetExactly() {
        // 256 floats = 1 KiB a stride; 1,024 of them fill 1 MiB.
        UnaryOperator<PoolConfigBuilder> full = b -> b.maxTotalPoolMemoryMb(1).arenaSizes(1024, 1024, 1024)
                .embeddingDimension(256).embeddingAlignment(32).maxEmbeddingsPerPool(2048);
        accepted(b -> full.apply(b).initialPoolCapacity(1024));
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> full.apply(PoolConfig.builder()).initialPoolCapacity(1025).build());
        assertEquals("maxTotalPoolMemoryMb", e.field());
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("(" + 1025 * 1024 + " bytes)"), e.getMessage());
    }

    @Test
    void aVectorAlreadyAMultipleOfTheAlignmentIsNotPadded() {
        assertEquals(64, PoolConfig.builder().embeddingDimension(16).embeddingAlignment(64).build().embeddings().strideBytes());
        assertEquals(64, new EmbeddingPoolSpec("e", 16, 64, 0, 1, 1.5).strideBytes());
        assertEquals(128, new EmbeddingPoolSpec("e", 17, 64, 0, 1, 1.5).strideBytes());
        assertEquals(4096, new EmbeddingPoolSpec("e", 1, 4096, 0, 1, 1.5).strideBytes());
    }

    @Test
    void embeddingSpecEdges() {
        assertDoesNotThrow(() -> new EmbeddingPoolSpec("e", 1, 32, 1, 1, 16.0));
        assertDoesNotThrow(() -> new EmbeddingPoolSpec("e", 1, 4096, 0, 1, 1.5));
        assertEquals("alignment", assertThrows(InvalidConfigException.class,
                () -> new EmbeddingPoolSpec("e", 1, 8192, 0, 1, 1.5)).field());
        assertEquals("alignment", assertThrows(InvalidConfigException.class,
                () -> new EmbeddingPoolSpec("e", 1, 16, 0, 1, 1.5)).field());
        assertEquals("growthFactor", assertThrows(InvalidConfigException.class,
                () -> new EmbeddingPoolSpec("e", 1, 32, 0, 1, 16.000001)).field());
        assertEquals("name", assertThrows(InvalidConfigException.class,
                () -> new EmbeddingPoolSpec(" ", 1, 32, 0, 1, 1.5)).field());
        assertEquals("maxCapacity", assertThrows(InvalidConfigException.class,
                () -> new EmbeddingPoolSpec("e", Integer.MAX_VALUE, 4096, 0, Integer.MAX_VALUE, 1.5)).field());
    }

    @Test
    void objectSpecEdges() {
        ObjectPoolSpec<Object> one = ObjectPoolSpec.builder("p", Object::new).maxCapacity(1).initialCapacity(1)
                .growthFactor(16.0).acquireTimeout(Duration.ZERO).build();
        assertEquals(1, one.initialCapacity());
        assertEquals("growthFactor", assertThrows(InvalidConfigException.class,
                () -> ObjectPoolSpec.builder("p", Object::new).growthFactor(16.000001).build()).field());
        assertEquals("initialCapacity", assertThrows(InvalidConfigException.class,
                () -> ObjectPoolSpec.builder("p", Object::new).initialCapacity(-1).build()).field());
        assertEquals("growthFactor", assertThrows(InvalidConfigException.class,
                () -> ObjectPoolSpec.builder("p", Object::new).growthFactor(1.0).build()).field());
    }

    @Test
    void leasesAreTrackedUnlessLeakDetectionIsOff() {
        for (LeakDetection mode : LeakDetection.values()) {
            PoolConfig config = PoolConfig.builder().leakDetection(mode).build();
            assertEquals(mode != LeakDetection.OFF, pools.api.spi.PoolContext.standalone(config).tracksLeases(), mode.name());
        }
    }
}

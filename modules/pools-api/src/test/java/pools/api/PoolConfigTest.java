package pools.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PoolConfigTest {

    @Test
    void defaultsAreTheSeeds() {
        PoolConfig c = PoolConfig.defaults();
        assertEquals(4 * 1024, c.pageSizes().smallPageSize());
        assertEquals(64 * 1024, c.pageSizes().mediumPageSize());
        assertEquals(2 * 1024 * 1024, c.pageSizes().largePageSize());
        assertEquals(10_000, c.capacities().maxNodesPerPool());
        assertEquals(1_000, c.capacities().maxSearchResultsPerPool());
        assertEquals(500, c.capacities().maxJsonObjectsPerPool());
        assertEquals(100, c.capacities().maxEmbeddingsPerPool());
        assertEquals(256 * 1024, c.arenaSizes().primitiveArenaSize());
        assertEquals(1024 * 1024, c.arenaSizes().searchArenaSize());
        assertEquals(128 * 1024, c.arenaSizes().jsonArenaSize());
        assertEquals(500, c.budget().maxTotalPoolMemoryMb());
        assertEquals(500L << 20, c.budget().maxTotalPoolMemoryBytes());
        assertEquals(1.5, c.budget().poolGrowthFactor());
        assertEquals(64L << 20, c.budget().arenaIdleRetainBytes());
        assertEquals(ArenaSafety.AUTO, c.safetyChecks().arenaSafety(), "arenas are checked wherever native access allows");
        assertEquals(LeakDetection.OFF, c.safetyChecks().leakDetection());
        assertTrue(c.preferredProviders().isEmpty());
    }

    @Test
    void theIdleRetainDefaultFollowsASmallBudget() {
        assertEquals(2L << 20, PoolConfig.builder().maxTotalPoolMemoryMb(8).build().budget().arenaIdleRetainBytes());
    }

    @Test
    void toBuilderKeepsEveryValue() {
        PoolConfig c = PoolConfig.builder().pageSizes(1024, 8192, 1 << 20).maxNodesPerPool(7)
                .maxSearchResultsPerPool(8).maxJsonObjectsPerPool(9).maxEmbeddingsPerPool(10)
                .initialPoolCapacity(3).embeddingDimension(128).embeddingAlignment(32)
                .arenaSizes(1000, 2000, 3000).maxTotalPoolMemoryMb(12).poolGrowthFactor(2.0)
                .arenaIdleRetainBytes(4096).arenaSafety(ArenaSafety.UNCHECKED).leakDetection(LeakDetection.FULL)
                .preferProvider(Capability.ARENAS, "mine").build();
        assertEquals(c, c.toBuilder().build());
    }

    @Test
    void toBuilderRederivesTheIdleRetainForANewBudget() {
        PoolConfig smaller = PoolConfig.defaults().toBuilder().maxTotalPoolMemoryMb(16).build();
        assertEquals(4L << 20, smaller.budget().arenaIdleRetainBytes(), "a quarter of the new 16 MiB budget");
        PoolConfig larger = smaller.toBuilder().maxTotalPoolMemoryMb(1024).build();
        assertEquals(64L << 20, larger.budget().arenaIdleRetainBytes(), "back to the 64 MiB cap");
        assertEquals(PoolConfig.defaults(), larger.toBuilder().maxTotalPoolMemoryMb(500).build());
    }

    @Test
    void toBuilderKeepsAnIdleRetainTheHostChose() {
        PoolConfig chosen = PoolConfig.builder().arenaIdleRetainBytes(1 << 20).build();
        assertEquals(1L << 20, chosen.toBuilder().maxTotalPoolMemoryMb(16).build().budget().arenaIdleRetainBytes());
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> PoolConfig.builder().arenaIdleRetainBytes(32L << 20).build().toBuilder().maxTotalPoolMemoryMb(16).build());
        assertEquals("arenaIdleRetainBytes", e.field(), "a chosen value past the new budget is still an error");
    }

    @Test
    void theArenaSafetyDefaultsToAutoAndNullIsRefusedByName() {
        assertEquals(ArenaSafety.AUTO, PoolConfig.builder().build().safetyChecks().arenaSafety());
        assertEquals(ArenaSafety.CHECKED, PoolConfig.builder().arenaSafety(ArenaSafety.CHECKED).build().safetyChecks().arenaSafety());
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> PoolConfig.builder().arenaSafety(null).build());
        assertEquals("arenaSafety", e.getMessage());
    }

    @Test
    void embeddingStrideRoundsUpToTheAlignment() {
        PoolConfig c = PoolConfig.builder().embeddingDimension(100).embeddingAlignment(64).build();
        assertEquals(448, c.embeddings().strideBytes()); // 400 bytes -> next multiple of 64
        assertEquals(3072, PoolConfig.defaults().embeddings().strideBytes()); // 768 floats, already aligned
    }

    static Stream<Arguments> badFields() {
        return Stream.of(
                bad("smallPageSize", b -> b.pageSizes(3000, 65536, 1 << 21)),
                bad("smallPageSize", b -> b.pageSizes(32, 65536, 1 << 21)),
                bad("mediumPageSize", b -> b.pageSizes(4096, 4096, 1 << 21)),
                bad("largePageSize", b -> b.pageSizes(4096, 65536, 65536)),
                bad("largePageSize", b -> b.pageSizes(4096, 65536, -1)),
                bad("maxNodesPerPool", b -> b.maxNodesPerPool(0)),
                bad("maxSearchResultsPerPool", b -> b.maxSearchResultsPerPool(-1)),
                bad("maxJsonObjectsPerPool", b -> b.maxJsonObjectsPerPool(0)),
                bad("maxEmbeddingsPerPool", b -> b.maxEmbeddingsPerPool(0)),
                bad("initialPoolCapacity", b -> b.initialPoolCapacity(-1)),
                bad("embeddingDimension", b -> b.embeddingDimension(0)),
                bad("embeddingAlignment", b -> b.embeddingAlignment(48)),
                bad("embeddingAlignment", b -> b.embeddingAlignment(16)),
                bad("primitiveArenaSize", b -> b.arenaSizes(0, 1, 1)),
                bad("searchArenaSize", b -> b.arenaSizes(1, -5, 1)),
                bad("jsonArenaSize", b -> b.arenaSizes(1, 1, 0)),
                bad("jsonArenaSize", b -> b.maxTotalPoolMemoryMb(1).arenaSizes(1024, 1024, 2 << 20)),
                bad("maxTotalPoolMemoryMb", b -> b.maxTotalPoolMemoryMb(0)),
                bad("maxTotalPoolMemoryMb", b -> b.maxTotalPoolMemoryMb(1).arenaSizes(1024, 1024, 1024)
                        .embeddingDimension(1 << 16).initialPoolCapacity(8)),
                bad("poolGrowthFactor", b -> b.poolGrowthFactor(1.0)),
                bad("poolGrowthFactor", b -> b.poolGrowthFactor(Double.NaN)),
                bad("arenaIdleRetainBytes", b -> b.arenaIdleRetainBytes(-1)),
                bad("arenaIdleRetainBytes", b -> b.maxTotalPoolMemoryMb(1).arenaSizes(1024, 1024, 1024)
                        .arenaIdleRetainBytes(2 << 20)),
                bad("preferredProviders", b -> b.preferProvider(Capability.ARENAS, " ")));
    }

    private static Arguments bad(String field, UnaryOperator<PoolConfigBuilder> change) {
        return Arguments.of(field, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFields")
    void everyBadFieldIsRejectedByNameWithItsRange(String field, UnaryOperator<PoolConfigBuilder> change) {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> change.apply(PoolConfig.builder()).build());
        assertEquals(field, e.field());
        assertTrue(e.getMessage().startsWith(field + " = "), e.getMessage());
        assertTrue(e.getMessage().contains("must"), e.getMessage());
    }

    @Test
    void preferredProvidersCannotBeChangedAfterBuild() {
        PoolConfig c = PoolConfig.builder().preferProvider(Capability.ARENAS, "a").build();
        assertThrows(UnsupportedOperationException.class, () -> c.preferredProviders().put(Capability.ARENAS, "b"));
    }
}

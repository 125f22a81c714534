package pools.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SpecValidationTest {

    @Test
    void objectPoolSpecRejectsEachBadField() {
        assertEquals("name", assertThrows(InvalidConfigException.class,
                () -> ObjectPoolSpec.builder(" ", Object::new).build()).field());
        assertEquals("maxCapacity", assertThrows(InvalidConfigException.class,
                () -> ObjectPoolSpec.builder("p", Object::new).maxCapacity(0).build()).field());
        assertEquals("initialCapacity", assertThrows(InvalidConfigException.class,
                () -> ObjectPoolSpec.builder("p", Object::new).maxCapacity(4).initialCapacity(5).build()).field());
        assertEquals("growthFactor", assertThrows(InvalidConfigException.class,
                () -> ObjectPoolSpec.builder("p", Object::new).growthFactor(0.5).build()).field());
        assertEquals("acquireTimeout", assertThrows(InvalidConfigException.class,
                () -> ObjectPoolSpec.builder("p", Object::new).acquireTimeout(Duration.ofMillis(-1)).build()).field());
        assertThrows(NullPointerException.class, () -> ObjectPoolSpec.builder("p", null).build());
    }

    @Test
    void embeddingPoolSpecRejectsEachBadField() {
        assertEquals("dimension", assertThrows(InvalidConfigException.class,
                () -> new EmbeddingPoolSpec("e", 0, 64, 0, 1, 1.5)).field());
        assertEquals("alignment", assertThrows(InvalidConfigException.class,
                () -> new EmbeddingPoolSpec("e", 8, 96, 0, 1, 1.5)).field());
        assertEquals("maxCapacity", assertThrows(InvalidConfigException.class,
                () -> new EmbeddingPoolSpec("e", 8, 64, 0, 0, 1.5)).field());
        assertEquals("initialCapacity", assertThrows(InvalidConfigException.class,
                () -> new EmbeddingPoolSpec("e", 8, 64, 2, 1, 1.5)).field());
        assertEquals("growthFactor", assertThrows(InvalidConfigException.class,
                () -> new EmbeddingPoolSpec("e", 8, 64, 0, 1, 1.0)).field());
    }

    @Test
    void embeddingSpecFromConfigUsesTheConfigsFields() {
        PoolConfig config = PoolConfig.builder().embeddingDimension(100).embeddingAlignment(128)
                .maxEmbeddingsPerPool(40).initialPoolCapacity(50).poolGrowthFactor(2.0).build();
        EmbeddingPoolSpec spec = EmbeddingPoolSpec.from(config);
        assertEquals(new EmbeddingPoolSpec("embeddings", 100, 128, 40, 40, 2.0), spec);
        assertEquals(400, spec.vectorBytes());
        assertEquals(512, spec.strideBytes());
    }
}

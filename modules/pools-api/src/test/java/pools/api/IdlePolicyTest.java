package pools.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IdlePolicyTest {

    @Test
    void theFloorIsTheInitialCapacityUnlessAMinimumIsGiven() {
        IdlePolicy policy = IdlePolicy.after(Duration.ofSeconds(30));
        assertTrue(policy.trims());
        assertEquals(7, policy.floor(7));
        assertEquals(0, policy.keepingAtLeast(0).floor(7));
        assertEquals(12, policy.keepingAtLeast(12).floor(7));
        assertFalse(IdlePolicy.KEEP.trims());
        assertEquals(Long.MAX_VALUE, IdlePolicy.after(Duration.ofSeconds(Long.MAX_VALUE)).timeoutNanos());
    }

    @Test
    void badValuesNameTheirField() {
        InvalidConfigException negative = assertThrows(InvalidConfigException.class,
                () -> IdlePolicy.after(Duration.ofNanos(-1)));
        assertEquals("idle.timeout = PT-0.000000001S is invalid: must be zero (never trim) or positive", negative.getMessage());
        assertThrows(InvalidConfigException.class, () -> IdlePolicy.after(null));
        InvalidConfigException below = assertThrows(InvalidConfigException.class,
                () -> IdlePolicy.KEEP.keepingAtLeast(-2));
        assertEquals("idle.minCapacity", below.field());
        assertEquals(-1, IdlePolicy.KEEP.keepingAtLeast(-1).minCapacity(), "-1 is the initial capacity, allowed");
    }

    @Test
    void aMinimumAboveTheMaxCapacityIsRefusedBySpecs() {
        IdlePolicy sixteen = IdlePolicy.after(Duration.ofSeconds(1)).keepingAtLeast(16);
        InvalidConfigException objects = assertThrows(InvalidConfigException.class, () -> ObjectPoolSpec
                .builder("p", Object::new).maxCapacity(15).idle(sixteen).build());
        assertEquals("idle.minCapacity = 16 is invalid: must be at most maxCapacity (15)", objects.getMessage());
        assertEquals(16, ObjectPoolSpec.builder("p", Object::new).maxCapacity(16).idle(sixteen).build()
                .idle().minCapacity(), "a minimum equal to the max is allowed");
        InvalidConfigException embeddings = assertThrows(InvalidConfigException.class,
                () -> new EmbeddingPoolSpec("e", 8, 32, 0, 15, 1.5, sixteen));
        assertEquals("idle.minCapacity", embeddings.field());
        assertThrows(InvalidConfigException.class, () -> new EmbeddingPoolSpec("e", 8, 32, 0, 15, 1.5, null));
        assertThrows(InvalidConfigException.class, () -> ObjectPoolSpec.builder("p", Object::new).idle(null).build());
    }
}

package pools.api.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JsonMapTest {

    @Test
    void behavesLikeAHashMapUnderRandomPutsGetsRemovesAndClears() {
        SplittableRandom random = new SplittableRandom(42);
        JsonMap map = new JsonMap();
        Map<String, Object> model = new HashMap<>();
        for (int step = 0; step < 200_000; step++) {
            String key = "k" + random.nextInt(40); // 40 keys in small tables: many collisions and wrap-arounds
            switch (random.nextInt(10)) {
                case 0, 1, 2, 3 -> {
                    Object value = random.nextInt(8) == 0 ? null : random.nextInt(1000);
                    assertEquals(model.put(key, value), map.put(key, value), key);
                }
                case 4, 5 -> assertEquals(model.remove(key), map.remove(key), key);
                case 6 -> {
                    if (random.nextInt(50) == 0) {
                        model.clear();
                        map.clear();
                    }
                }
                default -> {
                    assertEquals(model.get(key), map.get(key), key);
                    assertEquals(model.containsKey(key), map.containsKey(key), key);
                }
            }
            assertEquals(model.size(), map.size());
        }
        assertEquals(model, map);
        assertEquals(map, model);
        assertEquals(model.hashCode(), map.hashCode());
        Map<String, Object> visited = new HashMap<>();
        map.forEach(visited::put);
        assertEquals(model, visited);
    }

    @Test
    void aNullValueIsAValueAndANullKeyIsRefusedLeavingTheMapAsItWas() {
        JsonMap map = new JsonMap();
        map.put("nothing", null);
        assertTrue(map.containsKey("nothing"));
        assertNull(map.get("nothing"));
        assertEquals(1, map.size());
        NullPointerException refused = assertThrows(NullPointerException.class, () -> map.put(null, 1));
        assertEquals("a JSON object's key must not be null", refused.getMessage());
        assertEquals(1, map.size());
        assertFalse(map.containsKey(null));
        assertFalse(map.containsKey(7), "a non-string key is simply absent");
    }

    @Test
    void clearKeepsTheTableSoTheMapFillsAgainAndGrowsPastItsFirstSize() {
        JsonMap map = new JsonMap(2);
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 100; i++) {
                map.put("key" + i, i);
            }
            assertEquals(100, map.size());
            assertEquals(57, map.get("key57"));
            map.clear();
            assertTrue(map.isEmpty());
            assertNull(map.get("key57"));
        }
    }

    @Test
    void iteratorsFailFastAndTheViewsAreReadOnly() {
        JsonMap map = new JsonMap();
        map.put("a", 1);
        map.put("b", 2);
        Iterator<Map.Entry<String, Object>> entries = map.entrySet().iterator();
        entries.next();
        map.put("c", 3);
        assertThrows(ConcurrentModificationException.class, entries::next);
        assertThrows(UnsupportedOperationException.class, () -> map.keySet().iterator().remove());
        assertThrows(ConcurrentModificationException.class, () -> map.forEach((k, v) -> map.remove("a")));
        assertThrows(IllegalArgumentException.class, () -> new JsonMap(-1));
    }
}

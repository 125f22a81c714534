package pools.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import org.junit.jupiter.api.Test;
import pools.api.spi.PoolContext;
import pools.api.spi.PoolEvents;
import pools.api.spi.WaitQueue;
import pools.testkit.Fakes;

/** The small contracts of the API: default methods, timeouts, failure reports and their words. */
class SmallContractsTest {

    /** Kernels whose every score names the method that computed it. */
    private static final VectorKernels MARKED = new VectorKernels() {
        @Override
        public String implementation() {
            return "marked";
        }

        @Override
        public float dot(MemorySegment a, MemorySegment b) {
            return 1f;
        }

        @Override
        public float squaredL2(MemorySegment a, MemorySegment b) {
            return 2f;
        }

        @Override
        public float cosine(MemorySegment a, MemorySegment b) {
            return 3f;
        }

        @Override
        public void topK(MemorySegment query, List<? extends Embedding> candidates, Metric metric, Neighbors out) {
        }
    };

    @Test
    void theKernelsDefaultMethodsCallTheirSegmentForms() {
        MemorySegment s = MemorySegment.ofArray(new float[4]);
        Embedding e = Fakes.of(Embedding.class, new ArrayList<>(), Map.of("segment", s));
        assertEquals(1f, MARKED.score(Metric.DOT, s, s));
        assertEquals(3f, MARKED.score(Metric.COSINE, s, s));
        assertEquals(2f, MARKED.score(Metric.SQUARED_L2, s, s));
        assertEquals(1f, MARKED.dot(e, e));
        assertEquals(2f, MARKED.squaredL2(e, e));
        assertEquals(3f, MARKED.cosine(e, e));
    }

    @Test
    void withArenaReturnsTheOperationsResultAndClosesTheArena() {
        List<String> log = new ArrayList<>();
        ScopedArena arena = Fakes.of(ScopedArena.class, log, Map.of());
        ArenaManager manager = Fakes.of(ArenaManager.class, log, Map.of("acquire", arena));
        assertEquals("result", manager.withArena(ArenaKind.JSON, scratch -> {
            assertSame(arena, scratch);
            return "result";
        }));
        assertEquals(List.of("ArenaManager.withArena", "ArenaManager.acquire", "ScopedArena.close"), log);
        assertThrows(NullPointerException.class, () -> manager.withArena(ArenaKind.JSON, null));
    }

    @Test
    void timeoutsBecomeNanosecondsSaturatingAtTheLongestWait() {
        WaitQueue queue = new WaitQueue("pool 'q'");
        assertEquals(5_000_000L, queue.timeoutNanos(Duration.ofMillis(5)));
        assertEquals(0L, queue.timeoutNanos(Duration.ZERO));
        assertEquals(Long.MAX_VALUE, queue.timeoutNanos(Duration.ofDays(365L * 1_000_000)));
        assertEquals(Long.MAX_VALUE, WaitQueue.saturatedNanos(Duration.ofNanos(Long.MAX_VALUE)));
        assertEquals(Long.MAX_VALUE - 1, WaitQueue.saturatedNanos(Duration.ofNanos(Long.MAX_VALUE - 1)));
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> queue.timeoutNanos(Duration.ofNanos(-1)));
        assertTrue(negative.getMessage().startsWith("pool 'q': "), negative.getMessage());
        assertThrows(NullPointerException.class, () -> queue.timeoutNanos(null));
    }

    @Test
    void providerFailuresSayWhatFailedAndWhy() {
        ProviderFailure plain = ProviderFailure.of(Capability.ARENAS, new ServiceConfigurationError("no such class"));
        assertEquals(new ProviderFailure(Capability.ARENAS, "no such class"), plain);
        assertEquals("ARENAS: no such class", plain.toString());
        ProviderFailure caused = ProviderFailure.of(Capability.ARENAS,
                new ServiceConfigurationError("bad", new IllegalStateException("boom")));
        assertEquals("bad (caused by java.lang.IllegalStateException: boom)", caused.error());
        ProviderFailure answering = ProviderFailure.of(Capability.ANALYTICS, "a provider", new LinkageError("old API"));
        assertTrue(answering.error().startsWith("provider java.lang.String failed when asked its name or availability"),
                answering.error());
        assertTrue(answering.error().endsWith("(caused by java.lang.LinkageError: old API)"), answering.error());
    }

    @Test
    void aMissingProviderNamesTheModuleAndAnyThatFailedToLoad() {
        ProviderNotFoundException missing = ProviderNotFoundException.missing(Capability.ARENAS);
        assertEquals(Capability.ARENAS, missing.capability());
        assertTrue(missing.getMessage().endsWith("or pass a provider to MemoryPoolSystem.builder()"), missing.getMessage());
        ProviderFailure failure = new ProviderFailure(Capability.ARENAS, "broken jar");
        ProviderNotFoundException withFailure = ProviderNotFoundException.missing(Capability.ARENAS, List.of(failure));
        assertTrue(withFailure.getMessage().endsWith(". Providers of it that failed to load: [broken jar]"),
                withFailure.getMessage());
        ProviderNotFoundException notNamed = ProviderNotFoundException.notNamed(Capability.ARENAS, "x", List.of("a"));
        assertEquals(Capability.ARENAS, notNamed.capability());
        assertTrue(notNamed.getMessage().endsWith("(module pools.arena provides the built-in ones)"), notNamed.getMessage());
    }

    @Test
    void aStandaloneContextHasABudgetOfTheConfigsLimitAndNoEvents() {
        PoolConfig config = PoolConfig.builder().maxTotalPoolMemoryMb(3).build();
        PoolContext context = PoolContext.standalone(config);
        assertSame(config, context.config());
        assertEquals(3L << 20, context.budget().limitBytes());
        assertSame(PoolEvents.NONE, context.events());
    }
}

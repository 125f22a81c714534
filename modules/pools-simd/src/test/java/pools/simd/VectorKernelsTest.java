package pools.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pools.api.DimensionMismatchException;
import pools.api.Embedding;
import pools.api.EmbeddingPool;
import pools.api.EmbeddingPoolSpec;
import pools.api.Metric;
import pools.api.Neighbors;
import pools.api.PoolConfig;
import pools.api.VectorKernels;
import pools.api.spi.PoolContext;

/**
 * Both kernels against a double-precision reference, within the documented tolerance of
 * {@link SegmentKernels}: {@code 1e-4 * sum(|a[i] * b[i]|)}. Dimensions include ones that are not
 * a multiple of any vector length, so the scalar tails are exercised.
 */
class VectorKernelsTest {
    private static final double TOLERANCE = 1e-4;
    private static final int[] DIMENSIONS = {1, 7, 8, 17, 33, 128, 768, 1531};

    static Stream<Arguments> kernelsAndDimensions() {
        return Stream.of(ScalarKernels.INSTANCE, vectorKernels())
                .flatMap(kernels -> IntStream.of(DIMENSIONS).mapToObj(d -> Arguments.of(kernels, d)));
    }

    static VectorKernels vectorKernels() {
        VectorApiKernelsProvider provider = new VectorApiKernelsProvider();
        assertTrue(provider.isAvailable(), "surefire runs with --add-modules jdk.incubator.vector");
        return provider.kernels();
    }

    @ParameterizedTest
    @MethodSource("kernelsAndDimensions")
    void agreeWithADoublePrecisionReference(VectorKernels kernels, int dimension) {
        Random random = new Random(dimension);
        try (Arena arena = Arena.ofConfined()) {
            for (int round = 0; round < 20; round++) {
                MemorySegment a = randomVector(arena, dimension, random);
                MemorySegment b = randomVector(arena, dimension, random);
                double dot = 0;
                double dotMagnitude = 0;
                double l2 = 0;
                double normA = 0;
                double normB = 0;
                for (int i = 0; i < dimension; i++) {
                    double x = a.getAtIndex(ValueLayout.JAVA_FLOAT, i);
                    double y = b.getAtIndex(ValueLayout.JAVA_FLOAT, i);
                    dot += x * y;
                    dotMagnitude += Math.abs(x * y);
                    l2 += (x - y) * (x - y);
                    normA += x * x;
                    normB += y * y;
                }
                assertEquals(dot, kernels.dot(a, b), TOLERANCE * dotMagnitude, "dot");
                assertEquals(l2, kernels.squaredL2(a, b), TOLERANCE * l2, "squared L2");
                double cosine = dot / Math.sqrt(normA * normB);
                double cosineMagnitude = dotMagnitude / Math.sqrt(normA * normB);
                assertEquals(cosine, kernels.cosine(a, b), TOLERANCE * cosineMagnitude + 1e-7, "cosine");
                assertEquals(1.0, kernels.cosine(a, a), 1e-5, "cosine with itself");
                assertEquals(0f, kernels.squaredL2(a, a), "distance to itself");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kernelsAndDimensions")
    void cosineWithAZeroVectorIsZero(VectorKernels kernels, int dimension) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment zero = arena.allocate((long) dimension * Float.BYTES, 64);
            MemorySegment a = randomVector(arena, dimension, new Random(7));
            assertEquals(0f, kernels.cosine(zero, a));
            assertEquals(0f, kernels.cosine(a, zero));
            assertEquals(0f, kernels.cosine(zero, zero));
            assertEquals(0f, kernels.dot(zero, a));
        }
    }

    @ParameterizedTest
    @MethodSource("kernelsAndDimensions")
    void vectorAndScalarAgreeWithinTheTolerance(VectorKernels ignored, int dimension) {
        VectorKernels vector = vectorKernels();
        VectorKernels scalar = ScalarKernels.INSTANCE;
        Random random = new Random(31L * dimension);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = randomVector(arena, dimension, random);
            MemorySegment b = randomVector(arena, dimension, random);
            float magnitude = scalar.dot(absolute(arena, a), absolute(arena, b));
            assertEquals(scalar.dot(a, b), vector.dot(a, b), TOLERANCE * magnitude);
            assertEquals(scalar.squaredL2(a, b), vector.squaredL2(a, b), TOLERANCE * scalar.squaredL2(a, b));
            assertEquals(scalar.cosine(a, b), vector.cosine(a, b), 1e-4);
        }
    }

    @Test
    void heapSegmentsOverFloatArraysWorkToo() {
        float[] a = new float[19];
        float[] b = new float[19];
        for (int i = 0; i < a.length; i++) {
            a[i] = i + 1;
            b[i] = 2 * (i + 1);
        }
        MemorySegment heapA = MemorySegment.ofArray(a);
        MemorySegment heapB = MemorySegment.ofArray(b);
        double dot = IntStream.rangeClosed(1, 19).mapToDouble(i -> 2.0 * i * i).sum();
        for (VectorKernels kernels : List.of(ScalarKernels.INSTANCE, vectorKernels())) {
            assertEquals(dot, kernels.dot(heapA, heapB), TOLERANCE * dot);
            assertEquals(1.0, kernels.cosine(heapA, heapB), 1e-6, "parallel vectors");
            assertEquals(dot / 2, kernels.squaredL2(heapA, heapB), TOLERANCE * dot, "|a - 2a|^2 = |a|^2");
        }
    }

    @Test
    void differentLengthsThrowBeforeReading() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = arena.allocate(40);
            MemorySegment b = arena.allocate(44);
            for (VectorKernels kernels : List.of(ScalarKernels.INSTANCE, vectorKernels())) {
                assertThrows(DimensionMismatchException.class, () -> kernels.dot(a, b));
                assertThrows(DimensionMismatchException.class, () -> kernels.squaredL2(a, b));
                assertThrows(DimensionMismatchException.class, () -> kernels.cosine(a, b));
            }
        }
    }

    @Test
    void topKOverPooledEmbeddingsMatchesASortedReferenceForEveryMetric() {
        int dimension = 67;
        EmbeddingPoolSpec spec = new EmbeddingPoolSpec("scan", dimension, 64, 500, 500, 1.5);
        try (EmbeddingPool pool = new SlabEmbeddingPool(spec, PoolContext.standalone(PoolConfig.defaults()))) {
            Random random = new Random(5);
            List<Embedding> candidates = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                Embedding embedding = pool.acquire();
                fill(embedding.segment(), dimension, random);
                candidates.add(embedding);
            }
            MemorySegment query = candidates.get(123).segment();
            for (VectorKernels kernels : List.of(ScalarKernels.INSTANCE, vectorKernels())) {
                for (Metric metric : Metric.values()) {
                    Neighbors out = new Neighbors(10);
                    kernels.topK(query, candidates, metric, out);
                    Comparator<Integer> nearest = Comparator.comparingDouble(
                            i -> kernels.score(metric, query, candidates.get(i).segment()));
                    List<Integer> expected = IntStream.range(0, 500).boxed()
                            .sorted(metric.higherIsNearer() ? nearest.reversed() : nearest).limit(10).toList();
                    List<Integer> actual = IntStream.range(0, out.size()).map(out::index).boxed().toList();
                    assertEquals(expected, actual, kernels.implementation() + " " + metric);
                    assertEquals(kernels.score(metric, query, query), out.score(0), 1e-4, "the query is its own nearest");
                }
            }
            Embedding shorter = new SlabEmbeddingPool(new EmbeddingPoolSpec("short", 3, 64, 1, 1, 2.0),
                    PoolContext.standalone(PoolConfig.defaults())).acquire();
            Neighbors out = new Neighbors(3);
            List<Embedding> mixed = List.of(candidates.get(0), shorter);
            assertThrows(DimensionMismatchException.class, () -> vectorKernels().topK(query, mixed, Metric.DOT, out));
            assertEquals(0, out.size(), "a mismatch is found before the scan starts");
        }
    }

    @Test
    void theProvidersNameTheirImplementation() {
        assertEquals("scalar", new ScalarKernelsProvider().kernels().implementation());
        assertTrue(vectorKernels().implementation().startsWith("vector-api FloatVector "));
        assertTrue(new VectorApiKernelsProvider().priority() > new ScalarKernelsProvider().priority());
    }

    private static MemorySegment randomVector(Arena arena, int dimension, Random random) {
        MemorySegment segment = arena.allocate((long) dimension * Float.BYTES, 64);
        fill(segment, dimension, random);
        return segment;
    }

    private static void fill(MemorySegment segment, int dimension, Random random) {
        for (int i = 0; i < dimension; i++) {
            segment.setAtIndex(ValueLayout.JAVA_FLOAT, i, random.nextFloat() * 2 - 1);
        }
    }

    private static MemorySegment absolute(Arena arena, MemorySegment vector) {
        MemorySegment copy = arena.allocate(vector.byteSize(), 64);
        for (long i = 0; i < vector.byteSize() / Float.BYTES; i++) {
            copy.setAtIndex(ValueLayout.JAVA_FLOAT, i, Math.abs(vector.getAtIndex(ValueLayout.JAVA_FLOAT, i)));
        }
        return copy;
    }
}

package pools.benchmarks;

import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.ManyToManyConcurrentArrayQueue;
import org.jctools.queues.MpmcArrayQueue;
import org.jctools.queues.atomic.MpmcAtomicArrayQueue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Why the pools' free lists are JCTools' {@code atomic} queues: they cost about what the
 * Unsafe-backed ones cost (see docs/benchmarks.md), and a host needs no flags and sees no
 * {@code sun.misc.Unsafe} warnings. Agrona's queue needs
 * {@code --add-exports java.base/jdk.internal.misc=ALL-UNNAMED} (given to this benchmark's forks
 * only) and JCTools' Unsafe queue prints the JDK's terminal-deprecation warning. One operation is
 * a poll and an offer on a half-full queue of 1024, by 1 thread or 2 at once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"})
public class QueueChoiceBenchmark {
    private static final int CAPACITY = 1024;

    private Queue<Object> jctoolsAtomic;
    private Queue<Object> jctoolsUnsafe;
    private Queue<Object> agrona;
    private Queue<Object> arrayBlocking;

    @Setup
    public void fill() {
        jctoolsAtomic = half(new MpmcAtomicArrayQueue<>(CAPACITY));
        jctoolsUnsafe = half(new MpmcArrayQueue<>(CAPACITY));
        agrona = half(new ManyToManyConcurrentArrayQueue<>(CAPACITY));
        arrayBlocking = half(new ArrayBlockingQueue<>(CAPACITY));
    }

    private static Queue<Object> half(Queue<Object> queue) {
        for (int i = 0; i < CAPACITY / 2; i++) {
            queue.offer(new Object());
        }
        return queue;
    }

    /** Takes one element and puts it back: what a pool's acquire and release do to its free list. */
    private static boolean cycle(Queue<Object> queue) {
        Object element = queue.poll();
        return element != null && queue.offer(element);
    }

    @Benchmark
    @Threads(1)
    public boolean jctoolsAtomic() {
        return cycle(jctoolsAtomic);
    }

    @Benchmark
    @Threads(1)
    public boolean jctoolsUnsafe() {
        return cycle(jctoolsUnsafe);
    }

    @Benchmark
    @Threads(1)
    public boolean agronaManyToMany() {
        return cycle(agrona);
    }

    @Benchmark
    @Threads(1)
    public boolean arrayBlockingQueue() {
        return cycle(arrayBlocking);
    }

    @Benchmark
    @Threads(2)
    public boolean jctoolsAtomicThreads2() {
        return cycle(jctoolsAtomic);
    }

    @Benchmark
    @Threads(2)
    public boolean jctoolsUnsafeThreads2() {
        return cycle(jctoolsUnsafe);
    }

    @Benchmark
    @Threads(2)
    public boolean agronaManyToManyThreads2() {
        return cycle(agrona);
    }

    @Benchmark
    @Threads(2)
    public boolean arrayBlockingQueueThreads2() {
        return cycle(arrayBlocking);
    }
}

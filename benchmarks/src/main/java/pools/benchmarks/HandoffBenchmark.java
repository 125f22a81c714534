package pools.benchmarks;

import java.util.concurrent.TimeUnit;
import org.jctools.queues.SpscArrayQueue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Control;
import pools.api.MemoryPoolSystem;
import pools.api.ObjectPool;
import pools.api.seed.GraphNode;
import stormpot.Expiration;
import stormpot.Pool;
import stormpot.PoolTap;
import stormpot.Pooled;
import stormpot.Timeout;

/**
 * A cross-thread handoff: one thread acquires a {@link GraphNode} and passes it through an SPSC
 * queue to a second thread, which clears and releases it (a producer/consumer pipeline). Our
 * graph-node pool against Stormpot 4.1's thread-safe tap with {@code Expiration.never()}. Each
 * side's score is the time per object on that thread; the group's score is their mean. Neither
 * side waits for the other except when the queue is full or empty.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HandoffBenchmark {
    private static final int SIZE = 1024;
    private static final Timeout WAIT = new Timeout(1, TimeUnit.SECONDS);

    private MemoryPoolSystem system;
    private ObjectPool<GraphNode> ours;
    private Pool<Pooled<GraphNode>> stormpot;
    private PoolTap<Pooled<GraphNode>> stormpotTap;
    private SpscArrayQueue<GraphNode> oursQueue;
    private SpscArrayQueue<Pooled<GraphNode>> stormpotQueue;

    @Setup(Level.Trial)
    public void setUp() {
        system = NodePools.fixedSystem(SIZE);
        ours = system.nodePool();
        stormpot = Pool.fromInline(NodePools.stormpotAllocator()).setSize(SIZE).setExpiration(Expiration.never()).build();
        stormpotTap = stormpot.getThreadSafeTap();
        oursQueue = new SpscArrayQueue<>(256);
        stormpotQueue = new SpscArrayQueue<>(256);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        system.close();
        stormpot.shutdown().await(WAIT);
    }

    @Benchmark
    @Group("fixedPool")
    @GroupThreads(1)
    public void fixedPoolAcquire(Control control) {
        GraphNode node = ours.acquire().id(42);
        while (!oursQueue.offer(node)) {
            if (control.stopMeasurement) {
                ours.release(node);
                return;
            }
            Thread.onSpinWait();
        }
    }

    @Benchmark
    @Group("fixedPool")
    @GroupThreads(1)
    public long fixedPoolRelease(Control control) {
        GraphNode node;
        while ((node = oursQueue.poll()) == null) {
            if (control.stopMeasurement) {
                return 0;
            }
            Thread.onSpinWait();
        }
        long id = node.id();
        ours.release(node);
        return id;
    }

    @Benchmark
    @Group("stormpot")
    @GroupThreads(1)
    public void stormpotAcquire(Control control) throws InterruptedException {
        Pooled<GraphNode> pooled = stormpotTap.claim(WAIT);
        pooled.getObject().id(42);
        while (!stormpotQueue.offer(pooled)) {
            if (control.stopMeasurement) {
                pooled.release();
                return;
            }
            Thread.onSpinWait();
        }
    }

    @Benchmark
    @Group("stormpot")
    @GroupThreads(1)
    public long stormpotRelease(Control control) {
        Pooled<GraphNode> pooled;
        while ((pooled = stormpotQueue.poll()) == null) {
            if (control.stopMeasurement) {
                return 0;
            }
            Thread.onSpinWait();
        }
        GraphNode node = pooled.getObject();
        long id = node.id();
        node.clear();
        pooled.release();
        return id;
    }
}

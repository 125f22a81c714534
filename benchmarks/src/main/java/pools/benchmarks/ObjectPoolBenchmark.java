package pools.benchmarks;

import io.netty.util.Recycler;
import java.util.concurrent.TimeUnit;
import org.apache.commons.pool2.BasePooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import pools.api.Lease;
import pools.api.MemoryPoolSystem;
import pools.api.ObjectPool;
import pools.api.seed.GraphNode;
import stormpot.Allocator;
import stormpot.Expiration;
import stormpot.Pool;
import stormpot.PoolTap;
import stormpot.Pooled;
import stormpot.Timeout;

/**
 * Acquire, touch and release one {@link GraphNode}: our graph-node pool (the "fixed" provider,
 * found through ServiceLoader and composed by {@link MemoryPoolSystem}, with its per-thread
 * magazines, reset on release, and the default {@code ReleaseCheck.SEQUENTIAL}: sequential double
 * and foreign releases detected), also as a scoped lease, against Stormpot 4.1 (inline
 * allocation, thread-safe tap, with {@code Expiration.never()}, its best configuration for plain
 * objects, and with its default expiration, which users get unless they choose one), Commons
 * Pool 2 ({@code GenericObjectPool}), Netty's {@code Recycler}, and plain {@code new}. Every peer
 * clears the node before giving it back, as our pool's reset does. Each method exists at 1 thread
 * and, suffixed {@code Threads2}, at 2 threads sharing one pool; run with {@code -prof gc} to see
 * {@code gc.alloc.rate.norm} (B/op).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ObjectPoolBenchmark {
    private static final int SIZE = 1024;
    private static final Timeout WAIT = new Timeout(1, TimeUnit.SECONDS);

    private MemoryPoolSystem system;
    private ObjectPool<GraphNode> ours;
    private Pool<Pooled<GraphNode>> stormpot;
    private PoolTap<Pooled<GraphNode>> stormpotTap;
    /** Stormpot as a user gets it without choosing an expiration (its default reads a clock on every claim). */
    private Pool<Pooled<GraphNode>> stormpotDefault;
    private PoolTap<Pooled<GraphNode>> stormpotDefaultTap;
    private GenericObjectPool<GraphNode> commons;
    private Recycler<RecycledNode> recycler;

    /** What Netty's Recycler hands out: the node and the handle that takes it back. */
    static final class RecycledNode {
        final GraphNode node = new GraphNode();
        final Recycler.Handle<RecycledNode> handle;

        RecycledNode(Recycler.Handle<RecycledNode> handle) {
            this.handle = handle;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        system = NodePools.fixedSystem(SIZE);
        ours = system.nodePool();
        Allocator<Pooled<GraphNode>> allocator = NodePools.stormpotAllocator();
        stormpot = Pool.fromInline(allocator).setSize(SIZE).setExpiration(Expiration.never()).build();
        stormpotTap = stormpot.getThreadSafeTap();
        stormpotDefault = Pool.fromInline(allocator).setSize(SIZE).build();
        stormpotDefaultTap = stormpotDefault.getThreadSafeTap();
        commons = new GenericObjectPool<>(new BasePooledObjectFactory<>() {
            @Override
            public GraphNode create() {
                return new GraphNode();
            }

            @Override
            public PooledObject<GraphNode> wrap(GraphNode node) {
                return new DefaultPooledObject<>(node);
            }

            @Override
            public void passivateObject(PooledObject<GraphNode> pooled) {
                pooled.getObject().clear();
            }
        });
        commons.setMaxTotal(SIZE);
        commons.setMaxIdle(SIZE);
        recycler = new Recycler<>() {
            @Override
            protected RecycledNode newObject(Handle<RecycledNode> handle) {
                return new RecycledNode(handle);
            }
        };
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        system.close();
        stormpot.shutdown().await(WAIT);
        stormpotDefault.shutdown().await(WAIT);
        commons.close();
    }

    private long cycleOurs() {
        GraphNode node = ours.acquire().id(42);
        long id = node.id();
        ours.release(node);
        return id;
    }

    private long cycleOursLease() {
        try (Lease<GraphNode> lease = ours.lease()) {
            return lease.get().id(42).id();
        }
    }

    private long cycleStormpot() throws InterruptedException {
        Pooled<GraphNode> pooled = stormpotTap.claim(WAIT);
        GraphNode node = pooled.getObject();
        long id = node.id(42).id();
        node.clear();
        pooled.release();
        return id;
    }

    private long cycleStormpotDefault() throws InterruptedException {
        Pooled<GraphNode> pooled = stormpotDefaultTap.claim(WAIT);
        GraphNode node = pooled.getObject();
        long id = node.id(42).id();
        node.clear();
        pooled.release();
        return id;
    }

    private long cycleCommons() throws Exception {
        GraphNode node = commons.borrowObject().id(42);
        long id = node.id();
        commons.returnObject(node);
        return id;
    }

    private long cycleRecycler() {
        RecycledNode recycled = recycler.get();
        long id = recycled.node.id(42).id();
        recycled.node.clear();
        recycled.handle.recycle(recycled);
        return id;
    }

    @Benchmark
    @Threads(1)
    public long fixedPool() {
        return cycleOurs();
    }

    /** {@code fixedPool} as a scoped lease: {@code try (var lease = pool.lease())}. */
    @Benchmark
    @Threads(1)
    public long fixedPoolLease() {
        return cycleOursLease();
    }

    @Benchmark
    @Threads(1)
    public long stormpot() throws InterruptedException {
        return cycleStormpot();
    }

    @Benchmark
    @Threads(1)
    public long stormpotDefaultExpiration() throws InterruptedException {
        return cycleStormpotDefault();
    }

    @Benchmark
    @Threads(1)
    public long commonsPool() throws Exception {
        return cycleCommons();
    }

    @Benchmark
    @Threads(1)
    public long nettyRecycler() {
        return cycleRecycler();
    }

    @Benchmark
    @Threads(1)
    public GraphNode plainNew() {
        return new GraphNode().id(42);
    }

    @Benchmark
    @Threads(2)
    public long fixedPoolThreads2() {
        return cycleOurs();
    }

    @Benchmark
    @Threads(2)
    public long fixedPoolLeaseThreads2() {
        return cycleOursLease();
    }

    @Benchmark
    @Threads(2)
    public long stormpotThreads2() throws InterruptedException {
        return cycleStormpot();
    }

    @Benchmark
    @Threads(2)
    public long stormpotDefaultExpirationThreads2() throws InterruptedException {
        return cycleStormpotDefault();
    }

    @Benchmark
    @Threads(2)
    public long commonsPoolThreads2() throws Exception {
        return cycleCommons();
    }

    @Benchmark
    @Threads(2)
    public long nettyRecyclerThreads2() {
        return cycleRecycler();
    }

    @Benchmark
    @Threads(2)
    public GraphNode plainNewThreads2() {
        return new GraphNode().id(42);
    }
}

package pools.simd;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import pools.api.AcquireInterruptedException;
import pools.api.BudgetExceededException;
import pools.api.DoubleReleaseException;
import pools.api.Embedding;
import pools.api.EmbeddingPool;
import pools.api.EmbeddingPoolSpec;
import pools.api.ForeignObjectException;
import pools.api.Lease;
import pools.api.PoolClosedException;
import pools.api.PoolExhaustedException;
import pools.api.PoolStats;
import pools.api.spi.GrowthStep;
import pools.api.spi.PoolContext;
import pools.api.spi.WaitQueue;

/**
 * An {@link EmbeddingPool} whose blocks are carved from slabs of one shared {@link Arena}: each
 * slab is one aligned allocation, reserved against the budget first, and never freed before
 * {@link #close()}, which closes the arena so that every segment handed out fails its next access
 * with {@link IllegalStateException} instead of reading freed memory.
 *
 * <p>Acquire takes a released block from a lock-free stack (a hit), else claims a block no one
 * has used yet with a CAS on the fresh cursor (a miss), else grows by a slab under a lock (rare),
 * else is exhausted. Release flips the handle from LEASED to FREE with one CAS (so a double
 * release is detected and changes nothing), zeroes the vector, pushes it on the free stack, and
 * wakes the first waiter if any: waiting works as in every pool engine ({@link WaitQueue}).
 */
final class SlabEmbeddingPool implements EmbeddingPool {
    /** Smallest slab worth an allocation: growth never adds fewer bytes than this (unless at max). */
    private static final long MIN_SLAB_BYTES = 64 * 1024;

    private final EmbeddingPoolSpec spec;
    private final PoolContext context;
    private final boolean tracksLeases;
    private final long stride;
    private final long vectorBytes;
    /** Owns every slab; closed once, by {@link #close()}, under {@link #lock}. */
    private final Arena arena = Arena.ofShared();
    /** Guards growth and close: the two writers of {@link #slabs}, {@link #reservedBytes} and {@link #closed}. */
    private final ReentrantLock lock = new ReentrantLock();
    /** Released blocks; its push/pop CAS gives the happens-before from a release (and its zeroing) to the next acquire. */
    private final FreeBlocks free = new FreeBlocks();
    /** Written (volatile) under {@link #lock} by growth; read lock-free by acquire, owner and stats. */
    private volatile Slabs slabs = Slabs.EMPTY;
    /** Written (volatile) once under {@link #lock} by close; read lock-free by every operation. */
    private volatile boolean closed;
    /** Bytes reserved against the budget for slabs; read and written only under {@link #lock}. */
    private long reservedBytes;
    /**
     * Number of the next block no one has used yet; CAS by acquiring threads while below the
     * capacity of the {@link #slabs} they read. Its value is also the miss count.
     */
    private final AtomicInteger fresh = new AtomicInteger();
    private final LeaseCounters counters = new LeaseCounters();
    /** Threads waiting for a release; signalled by every release that finds one. */
    private final WaitQueue waiters;

    SlabEmbeddingPool(EmbeddingPoolSpec spec, PoolContext context) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.context = Objects.requireNonNull(context, "context");
        this.tracksLeases = context.tracksLeases();
        this.stride = spec.strideBytes();
        this.vectorBytes = spec.vectorBytes();
        this.waiters = new WaitQueue("embedding pool '" + spec.name() + "'");
        if (spec.initialCapacity() > 0) {
            lock.lock();
            try {
                addSlab(spec.initialCapacity(), true);
            } catch (RuntimeException | Error e) {
                arena.close();
                throw e;
            } finally {
                lock.unlock();
            }
        }
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public int dimension() {
        return spec.dimension();
    }

    @Override
    public int alignment() {
        return spec.alignment();
    }

    @Override
    public Embedding acquire() {
        return acquire(Duration.ZERO);
    }

    @Override
    public Embedding acquire(Duration timeout) {
        long waitNanos = waiters.timeoutNanos(timeout);
        PooledEmbedding embedding = takeCountingBudgetRefusals();
        if (embedding == null && !timeout.isZero()) {
            try {
                embedding = waiters.await(this::takeCountingBudgetRefusals, waitNanos);
            } catch (AcquireInterruptedException e) {
                counters.refused();
                throw e;
            }
        }
        if (embedding == null) {
            checkOpen("acquire");
            throw refuse(timeout);
        }
        return embedding;
    }

    private PooledEmbedding takeCountingBudgetRefusals() {
        try {
            return take(true);
        } catch (BudgetExceededException e) {
            counters.refused();
            throw e;
        }
    }

    /** The block's handle is the lease (see {@link PooledEmbedding}): nothing is allocated. */
    @Override
    public Lease<Embedding> lease() {
        PooledEmbedding embedding = (PooledEmbedding) acquire();
        embedding.leaseThread = Thread.currentThread().threadId();
        return embedding;
    }

    @Override
    public Optional<Embedding> tryAcquire() {
        PooledEmbedding embedding = take(false);
        if (embedding == null) {
            checkOpen("acquire");
            counters.refused();
            context.events().exhausted(name(), slabs.capacity());
        }
        return Optional.ofNullable(embedding);
    }

    @Override
    public void release(Embedding embedding) {
        if (embedding == null) {
            throw new NullPointerException("embedding pool '" + name() + "': release(null); release the embedding acquire returned");
        }
        checkOpen("release");
        if (!(embedding instanceof PooledEmbedding pooled) || pooled.pool != this) {
            throw new ForeignObjectException("embedding pool '" + name() + "' never handed out " + embedding
                    + "; release it to the pool that acquired it");
        }
        if (!pooled.free()) {
            checkOpen("release");
            throw new DoubleReleaseException(pooled + " is already free: it was released twice;"
                    + " drop your reference after release");
        }
        try {
            pooled.zero();
        } catch (IllegalStateException e) {
            // The only way zeroing fails: close() freed the slabs after this release's check.
            throw new PoolClosedException("release on embedding pool '" + name() + "' raced its close();"
                    + " the embedding's memory is freed and nothing was released");
        }
        counters.released();
        if (tracksLeases) {
            context.events().released(name(), pooled);
        }
        free.push(pooled);
        waiters.signalIfWaiting();
    }

    @Override
    public Embedding owner(MemorySegment segment) {
        Objects.requireNonNull(segment, "segment");
        checkOpen("owner");
        PooledEmbedding owner = segment.isNative() ? slabs.find(segment.address(), stride, vectorBytes) : null;
        if (owner == null) {
            throw new ForeignObjectException((segment.isNative() ? "address 0x" + Long.toHexString(segment.address())
                    : "a heap segment") + " is not inside an embedding of pool '" + name()
                    + "'; pass a segment of one of its embeddings");
        }
        return owner;
    }

    @Override
    public PoolStats stats() {
        long misses = fresh.get();
        return counters.stats(name(), misses, () -> slabs.capacity(), spec.maxCapacity(), stride);
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            waiters.signal();
            arena.close();
            context.budget().release(reservedBytes);
            reservedBytes = 0;
        } finally {
            lock.unlock();
        }
    }

    /** Slabs allocated so far; for tests of the owner lookup across slabs. */
    int slabCount() {
        return slabs.slabCount();
    }

    /**
     * A free block, leased to the caller; null when the pool is at its max with nothing free, or
     * when the budget refuses a slab and {@code mayThrow} is false.
     */
    private PooledEmbedding take(boolean mayThrow) {
        checkOpen("acquire");
        PooledEmbedding embedding = free.pop();
        if (embedding != null) {
            return leased(embedding);
        }
        while (true) {
            Slabs current = slabs;
            int next = fresh.get();
            if (next < current.capacity()) {
                if (fresh.compareAndSet(next, next + 1)) {
                    return leased(current.handles[next]);
                }
            } else if (!grow(current, mayThrow)) {
                embedding = free.pop();
                return embedding == null ? null : leased(embedding);
            }
        }
    }

    private PooledEmbedding leased(PooledEmbedding embedding) {
        embedding.lease();
        counters.leased();
        if (tracksLeases) {
            context.events().acquired(name(), embedding);
        }
        return embedding;
    }

    /** Adds a slab unless another thread already did; false at max capacity or on a quiet budget refusal. */
    private boolean grow(Slabs seen, boolean mayThrow) {
        lock.lock();
        try {
            checkOpen("acquire");
            if (slabs != seen) {
                return true;
            }
            int capacity = seen.capacity();
            if (capacity >= spec.maxCapacity()) {
                return false;
            }
            int minimumBlocks = (int) Math.max(1, Math.min(Integer.MAX_VALUE, MIN_SLAB_BYTES / stride));
            int blocks = GrowthStep.next(capacity, spec.growthFactor(), minimumBlocks, spec.maxCapacity()) - capacity;
            if (!addSlab(blocks, mayThrow)) {
                return false;
            }
            context.events().grown(name(), capacity, capacity + blocks);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Reserves, allocates and publishes a slab of {@code blocks} blocks; caller holds {@link #lock}. */
    private boolean addSlab(int blocks, boolean mayThrow) {
        long bytes = Math.multiplyExact(blocks, stride); // blocks <= maxCapacity, which the spec keeps in range
        if (mayThrow) {
            context.budget().reserve(bytes, "embedding pool '" + name() + "'");
        } else if (!context.budget().tryReserve(bytes, "embedding pool '" + name() + "'")) {
            return false;
        }
        MemorySegment slab;
        try {
            slab = arena.allocate(bytes, spec.alignment());
        } catch (RuntimeException | Error e) {
            context.budget().release(bytes);
            throw e;
        }
        reservedBytes += bytes;
        Slabs grown = slabs.with(slab, blocks, stride, this);
        free.handles(grown.handles);
        slabs = grown;
        return true;
    }

    private PoolExhaustedException refuse(Duration waited) {
        counters.refused();
        long capacity = slabs.capacity();
        context.events().exhausted(name(), capacity);
        return new PoolExhaustedException("embedding pool '" + name() + "' has all " + capacity
                + " embeddings in use (max " + spec.maxCapacity() + ")"
                + (waited.isZero() ? "" : " and none came back within " + waited)
                + "; release embeddings you no longer need or raise maxEmbeddingsPerPool");
    }


    private void checkOpen(String operation) {
        if (closed) {
            throw new PoolClosedException(operation + " on embedding pool '" + name()
                    + "' after close(); its memory is freed, create a new pool");
        }
    }
}

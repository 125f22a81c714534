package pools.simd;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
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
import pools.api.spi.IdleWatch;
import pools.api.spi.PoolContext;
import pools.api.spi.WaitQueue;

/**
 * An {@link EmbeddingPool} whose blocks are carved from slabs, each one aligned allocation in a
 * shared {@link Arena} of its own, reserved against the budget first. A slab is freed by
 * {@link #close()}, or earlier by {@link #trimIdle()} when its blocks stayed free for the spec's
 * idle timeout (see {@link pools.api.IdlePolicy}); closing its arena makes every segment of it
 * that a caller kept fail its next access with {@link IllegalStateException} instead of reading
 * freed memory.
 *
 * <p>Acquire takes a released block from a lock-free stack (a hit), else claims a block no one
 * has used yet with a CAS on the fresh cursor (a miss), else grows by a slab under a lock (rare),
 * else is exhausted. Release flips the handle from LEASED to FREE with one CAS (so a double
 * release is detected and changes nothing), zeroes the vector, pushes it on the free stack, and
 * wakes the first waiter if any: waiting works as in every pool engine ({@link WaitQueue}).
 *
 * <p>A trim gives back whole slabs, the last added first, never below the idle policy's floor,
 * under the growth lock: it claims the last slab's unused blocks by moving the fresh cursor to
 * the capacity, takes every free block off the stack at once, and frees the slab only if all its
 * used blocks were among them; everything else goes back on the stack before the lock is
 * released. An acquire that meanwhile finds nothing free waits for the lock in {@code grow}, which
 * sends it back to the stack; the hit path does no work for trimming.
 */
final class SlabEmbeddingPool implements EmbeddingPool {
    /** Smallest slab worth an allocation: growth never adds fewer bytes than this (unless at max). */
    private static final long MIN_SLAB_BYTES = 64 * 1024;

    private final EmbeddingPoolSpec spec;
    private final PoolContext context;
    private final boolean tracksLeases;
    private final long stride;
    private final long vectorBytes;
    /** Each slab's arena and bytes, in the order added; under {@link #lock}. */
    private final ArrayDeque<SlabMemory> slabMemory = new ArrayDeque<>();
    /** Guards growth, trims and close: the writers of {@link #slabs}, {@link #reservedBytes}, {@link #closed} and the trim fields. */
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
     * The fresh cursor: number of the next block no one has used yet in the low 32 bits, the count
     * of trims that moved it in the high 32. Acquiring threads read it, then {@link #slabs}, and
     * CAS it one up while below that snapshot's capacity; a trim changes the stamp, so a CAS based
     * on a snapshot from before a trim fails instead of handing out a block of a freed slab. The
     * low bits plus {@link #missesBehindCursor} are the miss count.
     */
    private final AtomicLong fresh = new AtomicLong();
    /** Misses of blocks in slabs given back (the cursor moved back over them); volatile, written under {@link #lock}. */
    private volatile long missesBehindCursor;
    /** Blocks of the slabs given back; volatile, written under {@link #lock}. */
    private volatile long trimmedBlocks;
    /** Odd while a trim runs (a sequence lock), so that {@link #stats()} never mixes counts from before and after one. */
    private volatile long trimSequence;
    private final IdleWatch idleWatch;
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
        this.idleWatch = new IdleWatch(spec.idle());
        if (spec.initialCapacity() > 0) {
            lock.lock();
            try {
                addSlab(spec.initialCapacity(), true);
            } catch (RuntimeException | Error e) {
                freeEverySlab();
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

    /**
     * Read between two equal, even trim sequence numbers, so no trim ran during the reads: then
     * the capacity only grows while they happen, which {@link LeaseCounters#stats} relies on.
     */
    @Override
    public PoolStats stats() {
        while (true) {
            long sequence = trimSequence;
            if ((sequence & 1) != 0) {
                lock.lock(); // a trim holds the lock while the sequence is odd: wait for it to end
                lock.unlock();
                continue;
            }
            long trimmed = trimmedBlocks;
            long misses = missesBehindCursor + (int) fresh.get();
            PoolStats stats = counters.stats(name(), misses, () -> slabs.capacity(), spec.maxCapacity(), stride, trimmed);
            if (trimSequence == sequence) {
                return stats;
            }
        }
    }

    /**
     * Gives back whole free slabs as the spec's {@link pools.api.IdlePolicy} says (see the class
     * comment); returns the blocks given back.
     */
    @Override
    public int trimIdle() {
        checkOpen("trimIdle");
        if (!spec.idle().trims()) {
            return 0;
        }
        lock.lock();
        try {
            checkOpen("trimIdle");
            PoolStats now = stats();
            long idle = idleWatch.sample(context.clock().getAsLong(), now.free());
            int floor = spec.idle().floor(spec.initialCapacity());
            int from = slabs.capacity();
            int given = 0;
            while (slabs.slabCount() > 0) {
                int lastBlocks = slabs.capacity() - slabs.lastSlabFirstBlock();
                if (given + lastBlocks > idle || slabs.capacity() - lastBlocks < floor || !freeLastSlab()) {
                    break;
                }
                given += lastBlocks;
            }
            if (given > 0) {
                context.events().trimmed(name(), from, from - given);
            }
            return given;
        } finally {
            lock.unlock();
        }
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
            freeEverySlab();
        } finally {
            lock.unlock();
        }
    }

    /** Slabs allocated so far; for tests of the owner lookup across slabs. */
    int slabCount() {
        return slabs.slabCount();
    }

    /**
     * Frees the slab added last if every block of it is free, under {@link #lock}; returns whether
     * it did. The trim sequence is odd throughout, so stats never see the cursor moved ahead.
     */
    private boolean freeLastSlab() {
        Slabs current = slabs;
        int first = current.lastSlabFirstBlock();
        int capacity = current.capacity();
        trimSequence++;
        try {
            long stamp = (fresh.get() >>> 32) + 1 << 32;
            int cursor = (int) fresh.getAndSet(stamp | capacity); // acquirers now find no unused block
            List<PooledEmbedding> taken = free.takeAll();
            long usedAndFree = taken.stream().filter(block -> block.block >= first).count();
            boolean allFree = usedAndFree == Math.max(0, cursor - first);
            for (PooledEmbedding block : taken) {
                if (!allFree || block.block < first) {
                    free.push(block);
                }
            }
            if (!allFree) {
                fresh.set(stamp | cursor);
                return false;
            }
            SlabMemory memory = slabMemory.removeLast();
            slabs = current.withoutLast();
            fresh.set(stamp | first); // after the slabs: a reader of this cursor sees them
            missesBehindCursor += Math.max(0, cursor - first);
            trimmedBlocks += capacity - first;
            memory.arena().close();
            reservedBytes -= memory.bytes();
            context.budget().release(memory.bytes());
            return true;
        } finally {
            trimSequence++;
        }
    }

    /** Closes every slab's arena and gives its bytes back to the budget; under {@link #lock}. */
    private void freeEverySlab() {
        for (SlabMemory memory : slabMemory) {
            memory.arena().close();
        }
        slabMemory.clear();
        context.budget().release(reservedBytes);
        reservedBytes = 0;
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
            long cursor = fresh.get();
            Slabs current = slabs;
            int next = (int) cursor;
            if (next < current.capacity()) {
                if (fresh.compareAndSet(cursor, cursor + 1)) {
                    return leased(current.handles[next]);
                }
            } else {
                boolean more = grow(current, mayThrow);
                embedding = free.pop(); // released meanwhile, or put back by a trim that kept its slab
                if (embedding != null) {
                    return leased(embedding);
                }
                if (!more) {
                    return null;
                }
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
            if (slabs != seen || !free.isEmpty()) {
                return true; // grown by another thread, or blocks came back (a trim that kept its slab)
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
        Arena arena = Arena.ofShared();
        MemorySegment slab;
        try {
            slab = arena.allocate(bytes, spec.alignment());
        } catch (RuntimeException | Error e) {
            arena.close();
            context.budget().release(bytes);
            throw e;
        }
        slabMemory.addLast(new SlabMemory(arena, bytes));
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

    /** One slab's arena and the bytes it reserved against the budget. */
    private record SlabMemory(Arena arena, long bytes) { }
}

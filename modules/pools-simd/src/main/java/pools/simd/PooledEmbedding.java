package pools.simd;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import pools.api.DimensionMismatchException;
import pools.api.Embedding;
import pools.api.Lease;
import pools.api.spi.FieldHandles;

/**
 * The handle of one block of a {@link SlabEmbeddingPool}, created once with its slab and reused by
 * every lease. Its lease state lets the pool tell a release from a double release with one CAS.
 * It is also the block's {@link Lease} ({@link SlabEmbeddingPool#lease()}), so a lease allocates
 * nothing; {@link #get()} returns the handle itself.
 */
final class PooledEmbedding implements Embedding, Lease<Embedding> {
    static final int FREE = 0;
    static final int LEASED = 1;

    private static final VarHandle STATE = FieldHandles.of(MethodHandles.lookup(), PooledEmbedding.class, "state", int.class);

    final SlabEmbeddingPool pool;
    /** The block's number in its pool: its position in the pool's handle table. */
    final int block;
    private final MemorySegment segment;
    /**
     * The block under this one in {@link FreeBlocks} (number + 1, 0 for none) while this one is
     * free. Plain: written by the releasing thread before the CAS that pushes it, read by a popping
     * thread after the volatile read of the head. A pop may read it while another thread rewrites
     * it, but then the head's stamp has moved and that pop's CAS fails.
     */
    int nextFree;
    private final int dimension;
    /**
     * FREE or LEASED. Written by the acquiring thread (release store: taking the block from the
     * free queue or the fresh cursor already ordered it after the last release) and by the releasing thread
     * (CAS LEASED to FREE, so of two racing releases exactly one wins); read by both.
     */
    private volatile int state;
    /**
     * Id of the thread that took this block as a {@link Lease}, 0 when it was acquired otherwise.
     * Written plain by the acquiring thread before the handle is returned; read by
     * {@code get}/{@code close} on that same thread (another thread reading it is misuse, which
     * the check reports).
     */
    long leaseThread;

    PooledEmbedding(SlabEmbeddingPool pool, int block, MemorySegment segment, int dimension) {
        this.pool = pool;
        this.block = block;
        this.segment = segment;
        this.dimension = dimension;
    }

    void lease() {
        STATE.setRelease(this, LEASED);
        if (leaseThread != 0) {
            leaseThread = 0;
        }
    }

    /** The lease: this handle, while it is leased to the calling thread. */
    @Override
    public Embedding get() {
        requireLeaseThread();
        if (state != LEASED) {
            throw new IllegalStateException("lease of " + this + " is closed; use the embedding only inside its try block");
        }
        return this;
    }

    /** Releases the embedding, as {@link SlabEmbeddingPool#release} does; a second close throws there. */
    @Override
    public void close() {
        requireLeaseThread();
        pool.release(this);
    }

    private void requireLeaseThread() {
        Thread current = Thread.currentThread();
        if (leaseThread != current.threadId()) {
            throw new WrongThreadException("lease of " + this + " used by " + current + ", not the thread that took it (or it"
                    + " was closed and has been handed out since); a lease is confined to its thread: hand embeddings"
                    + " between threads with acquire and release");
        }
    }

    /** LEASED to FREE; false if the block was already free (a double release). */
    boolean free() {
        return STATE.compareAndSet(this, LEASED, FREE);
    }

    /**
     * Overwrites the whole vector with zeros, so its next user sees nothing of this one.
     *
     * <p>Why a loop of 8-byte stores: C2 turns it into 256-bit stores of zero with no loads, and
     * zeroing is bound by stores (one 32-byte store per cycle on Zen 3: about 31-34 ns for 3 KiB,
     * the same as AVX2 stores in C on that machine). Copying from a heap block of zeros issued the
     * same stores plus 3 KiB of loads and measured 1-3 ns slower; {@code fill((byte) 0)} measured
     * 70-117 ns; Vector API stores of zero measured the same as this loop, so they would add an
     * optional dependence for nothing. The loop relies on C2's auto-vectorization: without it
     * ({@code -XX:-UseSuperWord}, or 128-bit AVX only) it measured about 75 ns.
     */
    void zero() {
        MemorySegment vector = segment;
        int words = (int) (vector.byteSize() / Long.BYTES);
        for (int i = 0; i < words; i++) {
            vector.setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, i, 0L);
        }
        if ((dimension & 1) != 0) {
            vector.setAtIndex(ValueLayout.JAVA_FLOAT, dimension - 1, 0f);
        }
    }

    @Override
    public MemorySegment segment() {
        return segment;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public float get(int index) {
        return segment.getAtIndex(ValueLayout.JAVA_FLOAT, index);
    }

    @Override
    public void set(int index, float value) {
        segment.setAtIndex(ValueLayout.JAVA_FLOAT, index, value);
    }

    @Override
    public void copyFrom(float[] values) {
        if (values.length != dimension) {
            throw new DimensionMismatchException(dimension, values.length);
        }
        MemorySegment.copy(values, 0, segment, ValueLayout.JAVA_FLOAT, 0, dimension);
    }

    @Override
    public void copyTo(float[] target) {
        if (target.length != dimension) {
            throw new DimensionMismatchException(dimension, target.length);
        }
        MemorySegment.copy(segment, ValueLayout.JAVA_FLOAT, 0, target, 0, dimension);
    }

    @Override
    public String toString() {
        return "embedding " + block + " of pool '" + pool.name() + "' (" + dimension + " floats at 0x"
                + Long.toHexString(segment.address()) + ")";
    }
}

package pools.simd;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import pools.api.DimensionMismatchException;
import pools.api.Embedding;

/**
 * The handle of one block of a {@link SlabEmbeddingPool}, created once with its slab and reused by
 * every lease. Its lease state lets the pool tell a release from a double release with one CAS.
 */
final class PooledEmbedding implements Embedding {
    static final int FREE = 0;
    static final int LEASED = 1;

    private static final VarHandle STATE;
    /**
     * Zeros to copy from: {@code MemorySegment.copy} of 3 KiB measured more than twice as fast as
     * {@code fill((byte) 0)} on JDK 25 (about 43 vs 103-117 ns on Zen 3). It already runs near the
     * store-throughput floor (one 32-byte store per cycle: about 31-34 ns for 3 KiB in C with AVX2
     * stores on the same machine), so 256-bit Vector API stores of zero, {@code rep stosb} and a
     * native source of zeros measured no faster. On the heap, never written, shared by all.
     */
    private static final MemorySegment ZEROS = MemorySegment.ofArray(new long[512]);

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(PooledEmbedding.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

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

    PooledEmbedding(SlabEmbeddingPool pool, int block, MemorySegment segment, int dimension) {
        this.pool = pool;
        this.block = block;
        this.segment = segment;
        this.dimension = dimension;
    }

    void lease() {
        STATE.setRelease(this, LEASED);
    }

    /** LEASED to FREE; false if the block was already free (a double release). */
    boolean free() {
        return STATE.compareAndSet(this, LEASED, FREE);
    }

    /** Overwrites the whole vector with zeros, so its next user sees nothing of this one. */
    void zero() {
        long size = segment.byteSize();
        long chunk = ZEROS.byteSize();
        long offset = 0;
        for (; size - offset > chunk; offset += chunk) {
            MemorySegment.copy(ZEROS, 0, segment, offset, chunk);
        }
        MemorySegment.copy(ZEROS, 0, segment, offset, size - offset);
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

package pools.simd;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * An immutable snapshot of a pool's slabs: their base addresses in ascending order (for the owner
 * lookup) and every block's handle by block number (for the fresh cursor). Growth builds a new
 * snapshot and publishes it with one volatile write, so readers never lock and never see a slab
 * half added.
 *
 * <p>Owner lookup is a binary search over the slab bases, then one division by the stride. Slabs
 * grow geometrically, so a pool has a few dozen of them at most and the search is a handful of
 * comparisons whatever the capacity.
 */
final class Slabs {
    static final Slabs EMPTY = new Slabs(new long[0], new long[0], new int[0], new PooledEmbedding[0]);

    /** Slab base addresses, ascending. */
    private final long[] bases;
    /** Bytes of each slab, in the order of {@link #bases}. */
    private final long[] sizes;
    /** Block number of each slab's first block, in the order of {@link #bases}. */
    private final int[] firstBlocks;
    /** Every block's handle, by block number; its length is the pool's capacity. */
    final PooledEmbedding[] handles;

    private Slabs(long[] bases, long[] sizes, int[] firstBlocks, PooledEmbedding[] handles) {
        this.bases = bases;
        this.sizes = sizes;
        this.firstBlocks = firstBlocks;
        this.handles = handles;
    }

    int capacity() {
        return handles.length;
    }

    int slabCount() {
        return bases.length;
    }

    /** This snapshot plus {@code slab}, carved into {@code blocks} blocks of {@code stride} bytes. */
    Slabs with(MemorySegment slab, int blocks, long stride, SlabEmbeddingPool pool) {
        int first = handles.length;
        PooledEmbedding[] grown = Arrays.copyOf(handles, first + blocks);
        long vectorBytes = (long) pool.dimension() * Float.BYTES;
        for (int i = 0; i < blocks; i++) {
            MemorySegment block = slab.asSlice(i * stride, vectorBytes);
            grown[first + i] = new PooledEmbedding(pool, first + i, block, pool.dimension());
        }
        int at = -Arrays.binarySearch(bases, slab.address()) - 1;
        return new Slabs(insert(bases, at, slab.address()), insert(sizes, at, slab.byteSize()),
                insert(firstBlocks, at, first), grown);
    }

    /** Block number of the first block of the slab added last (0 when there is none). */
    int lastSlabFirstBlock() {
        int last = 0;
        for (int first : firstBlocks) {
            last = Math.max(last, first);
        }
        return last;
    }

    /** This snapshot without the slab added last (the one whose blocks end the handle table). */
    Slabs withoutLast() {
        int first = lastSlabFirstBlock();
        int at = 0;
        while (firstBlocks[at] != first) {
            at++;
        }
        return new Slabs(remove(bases, at), remove(sizes, at), remove(firstBlocks, at), Arrays.copyOf(handles, first));
    }

    /**
     * The handle of the block whose vector holds {@code address}, or null when the address is in
     * no slab or falls in the padding between two vectors.
     */
    PooledEmbedding find(long address, long stride, long vectorBytes) {
        int at = Arrays.binarySearch(bases, address);
        int slab = at >= 0 ? at : -at - 2;
        if (slab < 0) {
            return null;
        }
        long offset = address - bases[slab];
        if (offset >= sizes[slab] || offset % stride >= vectorBytes) {
            return null;
        }
        return handles[firstBlocks[slab] + (int) (offset / stride)];
    }

    private static long[] insert(long[] values, int at, long value) {
        long[] result = new long[values.length + 1];
        System.arraycopy(values, 0, result, 0, at);
        result[at] = value;
        System.arraycopy(values, at, result, at + 1, values.length - at);
        return result;
    }

    private static int[] insert(int[] values, int at, int value) {
        int[] result = new int[values.length + 1];
        System.arraycopy(values, 0, result, 0, at);
        result[at] = value;
        System.arraycopy(values, at, result, at + 1, values.length - at);
        return result;
    }

    private static long[] remove(long[] values, int at) {
        long[] result = new long[values.length - 1];
        System.arraycopy(values, 0, result, 0, at);
        System.arraycopy(values, at + 1, result, at, result.length - at);
        return result;
    }

    private static int[] remove(int[] values, int at) {
        int[] result = new int[values.length - 1];
        System.arraycopy(values, 0, result, 0, at);
        System.arraycopy(values, at + 1, result, at, result.length - at);
        return result;
    }
}

package pools.simd;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import pools.api.spi.FieldHandles;

/**
 * The free list of an embedding pool: a lock-free LIFO stack (Treiber) linked through the blocks'
 * own {@link PooledEmbedding#nextFree} numbers, so it allocates nothing and takes no memory ahead
 * of the pool's capacity. (A JCTools {@code MpmcAtomicArrayQueue} must be sized for the max
 * capacity up front: a reference per embedding the pool may ever hold, 200 MB of heap for a
 * 50-million max.) LIFO also hands out the block released last, whose bytes are still in cache.
 *
 * <p>The head packs a stamp with the top block's number; every push and pop bumps the stamp, so
 * a pop that read a top which was popped and pushed back meanwhile fails its CAS (no ABA).
 */
final class FreeBlocks {
    private static final VarHandle HEAD = FieldHandles.of(MethodHandles.lookup(), FreeBlocks.class, "head", long.class);

    /**
     * Stamp in the high 32 bits, top block's number + 1 in the low 32 (0: empty). Written by CAS
     * by every push and pop; read (volatile) by both before their CAS.
     */
    private volatile long head;
    /**
     * Every block's handle, by block number. Written (volatile) by growth before any block of the
     * new slab can be pushed; read by pop after it read {@link #head}, so it covers every number
     * found there. It never gets shorter, not even when a trim gives back the last slab: a pop
     * that read the head before the trim may still look up a number of that slab, and must find
     * a handle there (its CAS then fails on the moved stamp) rather than run off the array.
     */
    private volatile PooledEmbedding[] handles = new PooledEmbedding[0];

    /** Growth's new handle table; entries past its end keep the handles of slabs given back. */
    void handles(PooledEmbedding[] all) {
        PooledEmbedding[] current = handles;
        if (all.length >= current.length) {
            handles = all;
        } else {
            PooledEmbedding[] merged = current.clone();
            System.arraycopy(all, 0, merged, 0, all.length);
            handles = merged;
        }
    }

    /** Whether no block is free at this instant. */
    boolean isEmpty() {
        return (int) head == 0;
    }

    /**
     * Takes every free block at once (one CAS on the head), for a trim; the caller owns them and
     * pushes back the ones it keeps. Meanwhile other threads see the stack empty.
     */
    List<PooledEmbedding> takeAll() {
        long current;
        do {
            current = head;
        } while (!HEAD.compareAndSet(this, current, next(current, 0)));
        PooledEmbedding[] all = handles;
        List<PooledEmbedding> taken = new ArrayList<>();
        for (int top = (int) current; top != 0; top = all[top - 1].nextFree) {
            taken.add(all[top - 1]);
        }
        return taken;
    }

    void push(PooledEmbedding block) {
        long current;
        do {
            current = head;
            block.nextFree = (int) current;
        } while (!HEAD.compareAndSet(this, current, next(current, block.block + 1)));
    }

    /** The block released last, or null when none is free. */
    PooledEmbedding pop() {
        while (true) {
            long current = head;
            int top = (int) current;
            if (top == 0) {
                return null;
            }
            PooledEmbedding block = handles[top - 1];
            if (HEAD.compareAndSet(this, current, next(current, block.nextFree))) {
                return block;
            }
        }
    }

    private static long next(long current, int top) {
        return ((current >>> 32) + 1) << 32 | (top & 0xFFFF_FFFFL);
    }
}

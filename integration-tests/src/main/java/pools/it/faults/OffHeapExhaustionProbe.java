package pools.it.faults;

import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import pools.api.ArenaKind;
import pools.api.Embedding;
import pools.api.EmbeddingPool;
import pools.api.EmbeddingPoolSpec;
import pools.api.MemoryPoolSystem;
import pools.api.PoolConfig;
import pools.api.PoolExhaustedException;
import pools.api.ScopedArena;

/**
 * Drives the embedding pool and the arena manager until the operating system refuses off-heap
 * memory: run in a JVM whose address space is capped (the test uses {@code ulimit -v}) under a
 * budget far above the cap, so the refusal is a real {@link OutOfMemoryError} from the allocation,
 * not the budget. Then checks that each pool is consistent and prints {@code key=value} lines.
 */
public final class OffHeapExhaustionProbe {
    private OffHeapExhaustionProbe() {
    }

    public static void main(String[] args) {
        PoolConfig config = PoolConfig.builder().maxTotalPoolMemoryMb(64 * 1024).initialPoolCapacity(1).build();
        // Not try-with-resources: the probe closes the system itself, then reads the budget after close.
        MemoryPoolSystem system = MemoryPoolSystem.create(config);
        try {
            embeddings(system);
            arenas(system);
            long reservedWhileOpen = system.budget().reservedBytes();
            system.close();
            System.out.println("budget.reservedWhileOpen=" + reservedWhileOpen);
            System.out.println("budget.reservedAfterClose=" + system.budget().reservedBytes());
        } finally {
            system.close();
        }
    }

    private static void embeddings(MemoryPoolSystem system) {
        EmbeddingPool pool = system.createEmbeddingPool(new EmbeddingPoolSpec("oom-embeddings", 1024, 64, 0, 50_000_000, 2.0));
        List<Embedding> held = new ArrayList<>();
        OutOfMemoryError refusal = null;
        try {
            while (true) {
                Embedding embedding = pool.acquire();
                embedding.set(0, 1f);
                held.add(embedding);
            }
        } catch (OutOfMemoryError e) {
            refusal = e;
        } catch (PoolExhaustedException e) {
            System.out.println("embeddings.unexpected=" + e);
        }
        System.out.println("embeddings.oom=" + (refusal != null) + " (" + (refusal == null ? "" : refusal.getMessage()) + ")");
        System.out.println("embeddings.held=" + held.size());
        System.out.println("embeddings.capacityAfterOom=" + pool.stats().capacity());
        System.out.println("embeddings.inUseAfterOom=" + pool.stats().inUse());
        held.forEach(pool::release);
        System.out.println("embeddings.inUseAfterRelease=" + pool.stats().inUse());
        // Everything the pool counts is really there: each comes back once, zeroed and writable.
        Set<Embedding> again = Collections.newSetFromMap(new IdentityHashMap<>());
        int zeroed = 0;
        for (int i = 0; i < held.size(); i++) {
            Embedding embedding = pool.acquire();
            zeroed += embedding.get(0) == 0f ? 1 : 0;
            embedding.set(0, 2f);
            again.add(embedding);
        }
        System.out.println("embeddings.reacquiredDistinct=" + again.size());
        System.out.println("embeddings.reacquiredZeroed=" + zeroed);
        again.forEach(pool::release);
        pool.close();
    }

    private static void arenas(MemoryPoolSystem system) {
        long reservedBefore = system.budget().reservedBytes();
        long arenaReservedBefore = system.arenas().stats().reservedBytes();
        long bigBytes = 32L << 20;
        int served = 0;
        OutOfMemoryError refusal = null;
        try (ScopedArena arena = system.arenas().acquire(ArenaKind.SEARCH)) {
            try {
                while (true) {
                    arena.allocate(bigBytes, 64).set(ValueLayout.JAVA_LONG, 0, served);
                    served++;
                }
            } catch (OutOfMemoryError e) {
                refusal = e;
            }
            System.out.println("arenas.usableAfterOom=" + (arena.allocate(64, 8).byteSize() == 64));
        }
        System.out.println("arenas.oom=" + (refusal != null) + " (" + (refusal == null ? "" : refusal.getMessage()) + ")");
        System.out.println("arenas.oversizeServed=" + served);
        System.out.println("arenas.active=" + system.arenas().stats().activeArenas());
        System.out.println("arenas.oversizeReservationsLeft=" + (system.budget().reservedBytes() - reservedBefore
                - (system.arenas().stats().reservedBytes() - arenaReservedBefore)));
    }
}

package pools.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pools.api.DimensionMismatchException;
import pools.api.Embedding;
import pools.api.EmbeddingPool;
import pools.api.EmbeddingPoolSpec;
import pools.api.ForeignObjectException;
import pools.api.MemoryPoolSystem;
import pools.api.PoolConfig;
import pools.api.PoolStats;

/**
 * Reliability campaign, embedding pool: threads take embeddings, check they arrive zeroed, fill
 * them with their own tag, and check the tag is intact when they give them back, so any embedding
 * held by two threads at once (or written by a previous user after release) shows up. Misuse:
 * releasing another pool's embedding, asking for the owner of foreign memory, copying a vector of
 * the wrong dimension.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES) // -Pstress runs 20 times the rounds
class EmbeddingCampaignTest {
    private static final int DIMENSION = 24;
    private static final int MAX = 256;

    @AfterAll
    static void writeFigures() {
        Campaign.writeFigures();
    }

    @Test
    void embeddingsAreNeverSharedNeverDirtyAndAllComeBack() throws InterruptedException {
        PoolConfig config = PoolConfig.builder().maxTotalPoolMemoryMb(64).build();
        try (MemoryPoolSystem system = MemoryPoolSystem.create(config)) {
            EmbeddingPool pool = system.createEmbeddingPool(new EmbeddingPoolSpec("campaign", DIMENSION, 64, 8, MAX, 2.0));
            EmbeddingPool other = system.createEmbeddingPool(new EmbeddingPoolSpec("other", DIMENSION, 64, 1, 1, 2.0));
            Embedding stranger = other.acquire();
            Leases leases = new Leases();
            LongAdder acquired = new LongAdder();
            LongAdder refused = new LongAdder();
            LongAdder misuses = new LongAdder();
            LongAdder dirty = new LongAdder();
            LongAdder overwritten = new LongAdder();
            Campaign.onAllThreads(index -> {
                float tag = index + 1;
                ThreadLocalRandom random = ThreadLocalRandom.current();
                List<Embedding> held = new ArrayList<>(4);
                for (int i = 0; i < Campaign.ROUNDS; i++) {
                    int choice = random.nextInt(100);
                    if (choice < 3) {
                        misuse(pool, stranger, choice);
                        misuses.increment();
                    } else if (held.size() < 4 && choice < 55) {
                        Optional<Embedding> got = pool.tryAcquire();
                        if (got.isEmpty()) {
                            refused.increment();
                            continue;
                        }
                        Embedding embedding = got.get();
                        acquired.increment();
                        leases.taken(embedding);
                        for (int d = 0; d < DIMENSION; d++) {
                            if (embedding.get(d) != 0f) {
                                dirty.increment();
                            }
                            embedding.set(d, tag);
                        }
                        held.add(embedding);
                    } else if (!held.isEmpty()) {
                        Embedding embedding = held.removeLast();
                        for (int d = 0; d < DIMENSION; d++) {
                            if (embedding.get(d) != tag) {
                                overwritten.increment();
                            }
                        }
                        leases.givenBack(embedding);
                        pool.release(embedding);
                    }
                }
                held.forEach(embedding -> {
                    leases.givenBack(embedding);
                    pool.release(embedding);
                });
            });
            PoolStats stats = pool.stats();
            assertEquals(0, leases.duplicates(), "embeddings held by two threads at once");
            assertEquals(0, dirty.sum(), "floats left by a previous user");
            assertEquals(0, overwritten.sum(), "floats written by another thread while held");
            assertEquals(0, stats.inUse(), stats.toString());
            assertEquals(acquired.sum(), stats.allocated(), stats.toString());
            assertEquals(acquired.sum(), stats.freed(), stats.toString());
            assertEquals(refused.sum(), stats.refusals(), stats.toString());
            long lost = Campaign.lostAfterDraining(pool);
            assertEquals(0, lost, "embeddings the pool counts but cannot hand out");
            other.release(stranger);
            Campaign.TALLY.add(new CampaignTally.Row("embedding pool (max " + MAX + ", " + DIMENSION + " floats)",
                    Campaign.THREADS, (long) Campaign.THREADS * Campaign.ROUNDS, misuses.sum(), 0, lost, leases.duplicates()));
        }
    }

    /** One of three misuses, each of which must throw and change nothing. */
    private static void misuse(EmbeddingPool pool, Embedding stranger, int which) {
        switch (which) {
            case 0 -> assertThrows(ForeignObjectException.class, () -> pool.release(stranger));
            case 1 -> assertThrows(ForeignObjectException.class, () -> pool.owner(MemorySegment.ofArray(new float[DIMENSION])));
            default -> assertThrows(DimensionMismatchException.class, () -> stranger.copyFrom(new float[DIMENSION + 1]));
        }
    }
}

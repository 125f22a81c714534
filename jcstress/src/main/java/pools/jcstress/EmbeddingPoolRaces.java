package pools.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;
import org.openjdk.jcstress.infra.results.I_Result;
import pools.api.Embedding;
import pools.api.EmbeddingPool;

/** Races on the embedding pool's free list and lease states; every state closes its pool in the arbiter. */
public final class EmbeddingPoolRaces {
    private EmbeddingPoolRaces() {
    }

    /** Two threads race for the only embedding: exactly one gets it. */
    @JCStressTest
    @Outcome(id = "1, 0", expect = ACCEPTABLE, desc = "the first actor won")
    @Outcome(id = "0, 1", expect = ACCEPTABLE, desc = "the second actor won")
    @Outcome(expect = FORBIDDEN, desc = "the embedding was handed out twice or lost")
    @State
    public static class LastEmbedding {
        private final EmbeddingPool pool = Pools.embeddings(1);

        @Actor
        public void first(II_Result r) {
            r.r1 = pool.tryAcquire().isPresent() ? 1 : 0;
        }

        @Actor
        public void second(II_Result r) {
            r.r2 = pool.tryAcquire().isPresent() ? 1 : 0;
        }

        @Arbiter
        public void close() {
            pool.close();
        }
    }

    /**
     * One thread writes a secret and releases; another acquires at the same moment. If it gets the
     * embedding it must read zeros: the zeroing happens before the embedding is visible as free.
     */
    @JCStressTest
    @Outcome(id = "-1", expect = ACCEPTABLE, desc = "the acquire ran before the release was visible")
    @Outcome(id = "0", expect = ACCEPTABLE, desc = "the acquire got the embedding, zeroed")
    @Outcome(expect = FORBIDDEN, desc = "the next user read the last user's data")
    @State
    public static class ZeroedBeforeReuse {
        private final EmbeddingPool pool = Pools.embeddings(1);
        private final Embedding lease = pool.acquire();

        @Actor
        public void writerReleases() {
            lease.set(0, 42f);
            lease.set(7, 42f);
            pool.release(lease);
        }

        @Actor
        public void reader(I_Result r) {
            r.r1 = pool.tryAcquire().map(e -> (int) (e.get(0) + e.get(7))).orElse(-1);
        }

        @Arbiter
        public void close() {
            pool.close();
        }
    }

    /** Two threads release the same embedding: exactly one release counts. */
    @JCStressTest
    @Outcome(id = "1, 0", expect = ACCEPTABLE, desc = "the first release won")
    @Outcome(id = "0, 1", expect = ACCEPTABLE, desc = "the second release won")
    @Outcome(expect = FORBIDDEN, desc = "both or neither release counted")
    @State
    public static class DoubleRelease {
        private final EmbeddingPool pool = Pools.embeddings(1);
        private final Embedding lease = pool.acquire();

        @Actor
        public void first(II_Result r) {
            r.r1 = Pools.releaseCounted(pool, lease);
        }

        @Actor
        public void second(II_Result r) {
            r.r2 = Pools.releaseCounted(pool, lease);
        }

        @Arbiter
        public void close(II_Result r) {
            if (pool.stats().freed() != r.r1 + r.r2) {
                r.r1 = -1;
            }
            pool.close();
        }
    }
}

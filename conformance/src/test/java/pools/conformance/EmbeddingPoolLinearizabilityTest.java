package pools.conformance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pools.api.Embedding;
import pools.api.EmbeddingPoolSpec;

/**
 * Lincheck checks the shipped embedding pool (its lock-free free list, fresh-block cursor and
 * slab growth) against the same {@link PoolModel} as object pools: one contract for both.
 */
@Timeout(300)
class EmbeddingPoolLinearizabilityTest {

    /** Nothing up front, max 3: the first acquire grows a slab while others race it. */
    public static class EmptyMaxThree extends PoolLincheck<Embedding> {
        public EmptyMaxThree() {
            super(Providers.embeddingPool().create(new EmbeddingPoolSpec("lincheck", 8, 32, 0, 3, 2.0),
                    Providers.context()), 0);
        }
    }

    public static class EmptyMaxThreeModel extends PoolModel {
        public EmptyMaxThreeModel() {
            super(3, 0);
        }
    }

    /** The lifecycle shape on the embedding pool. */
    public static class Lifecycle extends ClosingPoolLincheck<Embedding> {
        public Lifecycle() {
            super(Providers.embeddingPool().create(new EmbeddingPoolSpec("lincheck", 8, 32, 1,
                    ClosingPoolLincheck.MAX_CAPACITY, 2.0), Providers.context()));
        }
    }

    @Test
    void emptyMaxThree() {
        LincheckRun.check(EmptyMaxThree.class, EmptyMaxThreeModel.class);
    }

    @Test
    void lifecycle() {
        LincheckRun.check(Lifecycle.class, ClosingPoolLincheck.Model.class);
    }
}

package pools.conformance;

import org.junit.jupiter.api.AfterEach;
import pools.api.Embedding;
import pools.api.EmbeddingPool;
import pools.api.EmbeddingPoolSpec;
import pools.api.ObjectPool;

/** The pool contract against the shipped embedding pool engine ("simd"). */
class SimdEmbeddingPoolContractTest extends PoolContract<Embedding> {
    private final EmbeddingPool strangers = Providers.embeddingPool()
            .create(new EmbeddingPoolSpec("strangers", 8, 32, 1, 1, 2.0), Providers.context());
    private final Embedding stranger = strangers.acquire();

    @AfterEach
    void closeStrangers() {
        strangers.close();
    }

    @Override
    ObjectPool<Embedding> newPool(int initialCapacity, int maxCapacity) {
        return Providers.embeddingPool().create(new EmbeddingPoolSpec("contract", 8, 32, initialCapacity, maxCapacity, 2.0),
                Providers.context());
    }

    @Override
    Embedding foreignObject() {
        return stranger;
    }
}

package pools.jcstress;

import java.util.ServiceLoader;
import pools.api.DoubleReleaseException;
import pools.api.EmbeddingPool;
import pools.api.EmbeddingPoolSpec;
import pools.api.ObjectPool;
import pools.api.ObjectPoolSpec;
import pools.api.PoolConfig;
import pools.api.ReleaseCheck;
import pools.api.spi.EmbeddingPoolProvider;
import pools.api.spi.ObjectPoolProvider;
import pools.api.spi.PoolContext;

/**
 * The pools under test, made through the same ServiceLoader discovery a host uses, so these
 * tests exercise exactly what ships. Each jcstress state makes its own small pool.
 */
final class Pools {
    private static final PoolConfig CONFIG = PoolConfig.builder().maxTotalPoolMemoryMb(64).build();
    private static final ObjectPoolProvider OBJECTS = ServiceLoader.load(ObjectPoolProvider.class).findFirst()
            .orElseThrow(() -> new IllegalStateException("pools-fixed is not on the class path"));
    private static final EmbeddingPoolProvider EMBEDDINGS = ServiceLoader.load(EmbeddingPoolProvider.class).findFirst()
            .orElseThrow(() -> new IllegalStateException("pools-simd is not on the class path"));

    private Pools() {
    }

    /** An object pool of {@code max} objects, all created up front. */
    static ObjectPool<Object> objects(int max) {
        return OBJECTS.create(ObjectPoolSpec.builder("jcstress", Object::new)
                .initialCapacity(max).maxCapacity(max).build(), PoolContext.standalone(CONFIG));
    }

    /** As {@link #objects}, in the checked mode that also detects racing double releases. */
    static ObjectPool<Object> checkedObjects(int max) {
        return OBJECTS.create(ObjectPoolSpec.builder("jcstress", Object::new).releaseCheck(ReleaseCheck.RACING)
                .initialCapacity(max).maxCapacity(max).build(), PoolContext.standalone(CONFIG));
    }

    /** An embedding pool of {@code max} small embeddings, all allocated up front; close it in the arbiter. */
    static EmbeddingPool embeddings(int max) {
        return EMBEDDINGS.create(new EmbeddingPoolSpec("jcstress", 8, 64, max, max, 2.0), PoolContext.standalone(CONFIG));
    }

    /** Releases {@code lease}: 1 if the pool took it, 0 if it refused it as a double release. */
    static <T> int releaseCounted(ObjectPool<T> pool, T lease) {
        try {
            pool.release(lease);
            return 1;
        } catch (DoubleReleaseException refused) {
            return 0;
        }
    }
}

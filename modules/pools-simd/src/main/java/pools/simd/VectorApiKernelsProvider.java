package pools.simd;

import pools.api.VectorKernels;
import pools.api.spi.VectorKernelsProvider;

/**
 * The "vector-api" kernels, available when {@code jdk.incubator.vector} is in the module graph
 * (the host launched with {@code --add-modules jdk.incubator.vector}) and this module reads it.
 *
 * <p>This class names no Vector API type, so ServiceLoader can instantiate it in any JVM; the
 * kernels class, which does, is loaded only by {@link #kernels()}.
 */
public final class VectorApiKernelsProvider implements VectorKernelsProvider {
    private static final String MODULE = "jdk.incubator.vector";

    @Override
    public String name() {
        return "vector-api";
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public boolean isAvailable() {
        Module self = VectorApiKernelsProvider.class.getModule();
        return ModuleLayer.boot().findModule(MODULE).map(self::canRead).orElse(false);
    }

    /** @throws IllegalStateException if the Vector API is not {@link #isAvailable() available} */
    @Override
    public VectorKernels kernels() {
        if (!isAvailable()) {
            throw new IllegalStateException("the vector-api kernels need " + MODULE
                    + " in the module graph: launch with --add-modules " + MODULE
                    + ", or choose the scalar kernels");
        }
        return VectorApiKernels.INSTANCE;
    }
}

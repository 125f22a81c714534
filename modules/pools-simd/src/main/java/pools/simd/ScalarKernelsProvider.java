package pools.simd;

import pools.api.VectorKernels;
import pools.api.spi.VectorKernelsProvider;

/** The "scalar" kernels: plain loops, available everywhere; chosen when the Vector API is not. */
public final class ScalarKernelsProvider implements VectorKernelsProvider {

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public int priority() {
        return 50;
    }

    @Override
    public VectorKernels kernels() {
        return ScalarKernels.INSTANCE;
    }
}

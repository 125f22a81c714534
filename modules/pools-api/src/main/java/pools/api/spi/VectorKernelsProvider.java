package pools.api.spi;

import pools.api.Capability;
import pools.api.VectorKernels;

/**
 * Supplies {@link VectorKernels}. Module {@code pools.simd} provides a Vector API one (available
 * only when {@code jdk.incubator.vector} is in the module graph) and a scalar one of lower priority.
 */
public interface VectorKernelsProvider extends CapabilityProvider {

    @Override
    default Capability capability() {
        return Capability.VECTOR_KERNELS;
    }

    /** The kernels; stateless, so one instance may serve everyone. */
    VectorKernels kernels();
}

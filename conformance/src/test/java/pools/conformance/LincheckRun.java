package pools.conformance;

import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.StressOptions;

/**
 * How every structure here is checked: Lincheck model checking (thread switches explored at
 * every shared access, scenarios of three threads of three operations) and then stress mode (the
 * same kind of scenarios on real threads), both against a sequential model. A failure throws with
 * the minimized scenario and, from model checking, the interleaving that broke it. The default
 * suite's iterations are sized for CI; {@code -Pstress} multiplies them by
 * {@code pools.lincheck.scale}.
 */
final class LincheckRun {
    private static final int MODEL_CHECKING_ITERATIONS = 10;
    private static final int MODEL_CHECKING_INVOCATIONS = 300;
    private static final int STRESS_ITERATIONS = 10;
    private static final int STRESS_INVOCATIONS = 1_000;

    private LincheckRun() {
    }

    static void check(Class<?> test, Class<?> model) {
        int scale = Integer.getInteger("pools.lincheck.scale", 1);
        new ModelCheckingOptions().iterations(MODEL_CHECKING_ITERATIONS * scale)
                .invocationsPerIteration(MODEL_CHECKING_INVOCATIONS).threads(3).actorsPerThread(3)
                .sequentialSpecification(model).check(test);
        new StressOptions().iterations(STRESS_ITERATIONS * scale).invocationsPerIteration(STRESS_INVOCATIONS)
                .threads(3).actorsPerThread(3).sequentialSpecification(model).check(test);
    }
}

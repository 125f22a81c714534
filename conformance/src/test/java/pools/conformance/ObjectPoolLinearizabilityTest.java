package pools.conformance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pools.api.ReleaseCheck;

/**
 * Lincheck checks the shipped object pool, in several growth shapes, against {@link PoolModel}
 * (see {@link LincheckRun}): acquire, tryAcquire, release and stats snapshots, and in the
 * lifecycle shape close as well. The first shape is issue 13's smallest false exhaustion.
 */
@Timeout(300)
class ObjectPoolLinearizabilityTest {

    /** One object up front, then one growth step 1 to 3 whose pre-created object another acquire races. */
    public static class OneGrowsToThree extends ObjectPoolShape {
        public OneGrowsToThree() {
            super(1, 3, 3.0, 0);
        }
    }

    public static class OneGrowsToThreeModel extends PoolModel {
        public OneGrowsToThreeModel() {
            super(3, 0);
        }
    }

    /** Nothing up front, max 2, growth 1.5: every acquire may race a growth step of one. */
    public static class EmptyMaxTwo extends ObjectPoolShape {
        public EmptyMaxTwo() {
            super(0, 2, 1.5, 0);
        }
    }

    public static class EmptyMaxTwoModel extends PoolModel {
        public EmptyMaxTwoModel() {
            super(2, 0);
        }
    }

    /** Nothing up front, max 4, growth 3.0: the first miss pre-creates two more. */
    public static class EmptyMaxFour extends ObjectPoolShape {
        public EmptyMaxFour() {
            super(0, 4, 3.0, 0);
        }
    }

    public static class EmptyMaxFourModel extends PoolModel {
        public EmptyMaxFourModel() {
            super(4, 0);
        }
    }

    /** {@link #EmptyMaxFour} with the checked release ({@link ReleaseCheck#RACING}): its CAS changes the release path. */
    public static class EmptyMaxFourRacingChecked extends ObjectPoolShape {
        public EmptyMaxFourRacingChecked() {
            super(0, 4, 3.0, 0, ReleaseCheck.RACING);
        }
    }

    /** The default shape (16 up front, growth 1.5, max 24) with 15 held: the next misses grow 16 to 24. */
    public static class DefaultShapeAtGrowth extends ObjectPoolShape {
        public DefaultShapeAtGrowth() {
            super(16, 24, 1.5, 15);
        }
    }

    public static class DefaultShapeAtGrowthModel extends PoolModel {
        public DefaultShapeAtGrowthModel() {
            super(24, 15);
        }
    }

    /** The lifecycle shape on the object pool. */
    public static class Lifecycle extends ClosingPoolLincheck<Object> {
        public Lifecycle() {
            super(ObjectPoolShape.create(1, ClosingPoolLincheck.MAX_CAPACITY, 2.0));
        }
    }

    @Test
    void oneGrowsToThree() {
        LincheckRun.check(OneGrowsToThree.class, OneGrowsToThreeModel.class);
    }

    @Test
    void emptyMaxFourRacingChecked() {
        LincheckRun.check(EmptyMaxFourRacingChecked.class, EmptyMaxFourModel.class);
    }

    @Test
    void emptyMaxTwo() {
        LincheckRun.check(EmptyMaxTwo.class, EmptyMaxTwoModel.class);
    }

    @Test
    void emptyMaxFour() {
        LincheckRun.check(EmptyMaxFour.class, EmptyMaxFourModel.class);
    }

    @Test
    void defaultShapeAtGrowth() {
        LincheckRun.check(DefaultShapeAtGrowth.class, DefaultShapeAtGrowthModel.class);
    }

    @Test
    void lifecycle() {
        LincheckRun.check(Lifecycle.class, ClosingPoolLincheck.Model.class);
    }
}

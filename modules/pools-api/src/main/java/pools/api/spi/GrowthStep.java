package pools.api.spi;

/**
 * The one growth rule of every pool engine: from {@code capacity}, grow by the growth factor,
 * by at least {@code minimumStep} objects, and never past the max.
 */
public final class GrowthStep {
    private GrowthStep() {
    }

    /**
     * The capacity after one growth step: {@code min(max, max(capacity + minimumStep,
     * ceil(capacity × growthFactor)))}; {@code capacity} itself when it is already at the max.
     *
     * @throws IllegalArgumentException if {@code minimumStep} is below 1
     */
    public static int next(int capacity, double growthFactor, int minimumStep, int maxCapacity) {
        if (minimumStep < 1) {
            throw new IllegalArgumentException("minimumStep must be 1 or more, was " + minimumStep);
        }
        if (capacity >= maxCapacity) {
            return capacity;
        }
        long grown = Math.max((long) capacity + minimumStep, (long) Math.ceil(capacity * growthFactor));
        return (int) Math.min(maxCapacity, grown);
    }
}

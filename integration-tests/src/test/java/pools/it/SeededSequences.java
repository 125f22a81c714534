package pools.it;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Random operation sequences from a fixed list of seeds, so that every run tries the same
 * sequences and a failure can be replayed: it names its seed, the step that failed and every
 * step before it. Set {@code -Dpools.seed=N} to run only seed {@code N}.
 */
final class SeededSequences {
    private SeededSequences() {
    }

    /**
     * Runs {@code tries} sequences of 1 to {@code maxLength} steps, each step drawn by
     * {@code step} from a random source seeded per sequence, through {@code run}.
     */
    static <S> void forEachSequence(int tries, int maxLength, Function<SplittableRandom, S> step, Consumer<List<S>> run) {
        Long only = Long.getLong("pools.seed");
        for (long seed = 0; seed < tries; seed++) {
            if (only != null && only != seed) {
                continue;
            }
            SplittableRandom random = new SplittableRandom(seed);
            int length = 1 + random.nextInt(maxLength);
            List<S> steps = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                steps.add(step.apply(random));
            }
            try {
                run.accept(steps);
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError("sequence of seed " + seed + " failed (replay with -Dpools.seed=" + seed
                        + "); its " + steps.size() + " steps: " + steps, e);
            }
        }
    }

    /** Index of a weight, drawn in proportion to the weights. */
    static int weighted(SplittableRandom random, int... weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int draw = random.nextInt(total);
        for (int i = 0; ; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return i;
            }
        }
    }
}

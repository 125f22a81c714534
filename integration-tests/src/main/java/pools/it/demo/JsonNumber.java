package pools.it.demo;

/**
 * A mutable number for a JSON answer. A score put in a map as a {@code Float} is a fresh box on
 * every query; a pooled {@code JsonNumber} is set and reused, so the pooled answer allocates
 * nothing. {@link AnswerWriter} writes it with four decimals.
 */
final class JsonNumber {
    private double value;

    JsonNumber set(double newValue) {
        value = newValue;
        return this;
    }

    double value() {
        return value;
    }
}

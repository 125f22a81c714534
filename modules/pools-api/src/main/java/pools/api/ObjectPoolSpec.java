package pools.api;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What an {@link ObjectPool} holds and how big it may get.
 *
 * @param name            the pool's name in analytics; not blank
 * @param factory         creates a new object when the pool grows; never returns null
 * @param reset           clears an object when it is released, before anyone can reuse it
 * @param initialCapacity objects created up front, {@code 0..maxCapacity}
 * @param maxCapacity     the most objects this pool will ever create, 1 or more
 * @param growthFactor    capacity multiplier on growth, above 1
 * @param acquireTimeout  how long {@link ObjectPool#acquire()} waits at max capacity; zero fails at once
 * @param releaseCheck    which double releases {@link ObjectPool#release} detects (see {@link ReleaseCheck})
 * @param <T> the pooled type
 */
public record ObjectPoolSpec<T>(
        String name,
        Supplier<? extends T> factory,
        Consumer<? super T> reset,
        int initialCapacity,
        int maxCapacity,
        double growthFactor,
        Duration acquireTimeout,
        ReleaseCheck releaseCheck) {

    /** Validates every field; throws {@link InvalidConfigException} on the first bad one. */
    public ObjectPoolSpec {
        if (name == null || name.isBlank()) {
            throw new InvalidConfigException("name", name, "must be a non-blank pool name");
        }
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(reset, "reset");
        if (maxCapacity < 1) {
            throw new InvalidConfigException("maxCapacity", maxCapacity, "must be 1 or more");
        }
        if (initialCapacity < 0 || initialCapacity > maxCapacity) {
            throw new InvalidConfigException("initialCapacity", initialCapacity,
                    "must be between 0 and maxCapacity (" + maxCapacity + ")");
        }
        if (!(growthFactor > 1.0 && growthFactor <= 16.0)) {
            throw new InvalidConfigException("growthFactor", growthFactor, "must be above 1.0 and at most 16.0");
        }
        if (acquireTimeout == null || acquireTimeout.isNegative()) {
            throw new InvalidConfigException("acquireTimeout", acquireTimeout, "must be zero or positive");
        }
        Objects.requireNonNull(releaseCheck, "releaseCheck");
    }

    /** A builder for a pool named {@code name} whose objects {@code factory} creates. */
    public static <T> Builder<T> builder(String name, Supplier<? extends T> factory) {
        return new Builder<>(name, factory);
    }

    /**
     * Collects a spec's values; defaults: no reset, 0 initial, 1024 max, growth 1.5, no waiting,
     * {@link ReleaseCheck#SEQUENTIAL}.
     */
    public static final class Builder<T> {
        private final String name;
        private final Supplier<? extends T> factory;
        private Consumer<? super T> reset = object -> { };
        private int initialCapacity;
        private int maxCapacity = 1024;
        private double growthFactor = 1.5;
        private Duration acquireTimeout = Duration.ZERO;
        private ReleaseCheck releaseCheck = ReleaseCheck.SEQUENTIAL;

        private Builder(String name, Supplier<? extends T> factory) {
            this.name = name;
            this.factory = factory;
        }

        public Builder<T> reset(Consumer<? super T> action) {
            reset = action;
            return this;
        }

        public Builder<T> initialCapacity(int capacity) {
            initialCapacity = capacity;
            return this;
        }

        public Builder<T> maxCapacity(int capacity) {
            maxCapacity = capacity;
            return this;
        }

        public Builder<T> growthFactor(double factor) {
            growthFactor = factor;
            return this;
        }

        public Builder<T> acquireTimeout(Duration timeout) {
            acquireTimeout = timeout;
            return this;
        }

        /** {@link ReleaseCheck#RACING} to detect two threads releasing one object at once (tests should). */
        public Builder<T> releaseCheck(ReleaseCheck check) {
            releaseCheck = check;
            return this;
        }

        public ObjectPoolSpec<T> build() {
            return new ObjectPoolSpec<>(name, factory, reset, initialCapacity, maxCapacity,
                    growthFactor, acquireTimeout, releaseCheck);
        }
    }
}

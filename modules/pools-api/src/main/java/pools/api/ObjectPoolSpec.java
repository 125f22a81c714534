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
 * @param growthFactor    capacity multiplier on growth, above 1 and at most 16
 * @param acquireTimeout  how long {@link ObjectPool#acquire()} waits at max capacity; zero fails at once
 * @param idle            when free objects are given back ({@link IdlePolicy#KEEP}: never)
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
        IdlePolicy idle,
        ReleaseCheck releaseCheck) {

    /** Validates every field; throws {@link InvalidConfigException} on the first bad one. */
    public ObjectPoolSpec {
        ConfigRules.requireName(name);
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(reset, "reset");
        ConfigRules.requireInitialCapacity(initialCapacity, maxCapacity);
        ConfigRules.requireGrowthFactor("growthFactor", growthFactor);
        if (acquireTimeout == null || acquireTimeout.isNegative()) {
            throw new InvalidConfigException("acquireTimeout", acquireTimeout, "must be zero or positive");
        }
        if (idle == null) {
            throw new InvalidConfigException("idle", null, "must be an IdlePolicy; IdlePolicy.KEEP never trims");
        }
        if (idle.minCapacity() > maxCapacity) {
            throw new InvalidConfigException("idle.minCapacity", idle.minCapacity(),
                    "must be at most maxCapacity (" + maxCapacity + ")");
        }
        if (releaseCheck == null) {
            throw new InvalidConfigException("releaseCheck", null, "must be SEQUENTIAL or RACING");
        }
    }

    /**
     * A spec that keeps every object it grows to ({@link IdlePolicy#KEEP}) and detects sequential
     * double releases ({@link ReleaseCheck#SEQUENTIAL}); validated as above.
     */
    public ObjectPoolSpec(String name, Supplier<? extends T> factory, Consumer<? super T> reset, int initialCapacity,
            int maxCapacity, double growthFactor, Duration acquireTimeout) {
        this(name, factory, reset, initialCapacity, maxCapacity, growthFactor, acquireTimeout, IdlePolicy.KEEP);
    }

    /** A spec with the given idle policy and {@link ReleaseCheck#SEQUENTIAL}; validated as above. */
    public ObjectPoolSpec(String name, Supplier<? extends T> factory, Consumer<? super T> reset, int initialCapacity,
            int maxCapacity, double growthFactor, Duration acquireTimeout, IdlePolicy idle) {
        this(name, factory, reset, initialCapacity, maxCapacity, growthFactor, acquireTimeout, idle,
                ReleaseCheck.SEQUENTIAL);
    }

    /** A builder for a pool named {@code name} whose objects {@code factory} creates. */
    public static <T> Builder<T> builder(String name, Supplier<? extends T> factory) {
        return new Builder<>(name, factory);
    }

    /**
     * Collects a spec's values; defaults: no reset, 0 initial, 1024 max, growth 1.5, no waiting,
     * keep idle objects, {@link ReleaseCheck#SEQUENTIAL}.
     */
    public static final class Builder<T> {
        private final String name;
        private final Supplier<? extends T> factory;
        private Consumer<? super T> reset = object -> { };
        private int initialCapacity;
        private int maxCapacity = 1024;
        private double growthFactor = 1.5;
        private Duration acquireTimeout = Duration.ZERO;
        private IdlePolicy idle = IdlePolicy.KEEP;
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

        public Builder<T> idle(IdlePolicy policy) {
            idle = policy;
            return this;
        }

        /** {@link ReleaseCheck#RACING} to detect two threads releasing one object at once (tests should). */
        public Builder<T> releaseCheck(ReleaseCheck check) {
            releaseCheck = check;
            return this;
        }

        public ObjectPoolSpec<T> build() {
            return new ObjectPoolSpec<>(name, factory, reset, initialCapacity, maxCapacity,
                    growthFactor, acquireTimeout, idle, releaseCheck);
        }
    }
}

package pools.micrometer;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import pools.api.ArenaManager;
import pools.api.Capability;
import pools.api.MemoryBudget;
import pools.api.MemoryPoolSystem;
import pools.api.ObjectPool;

/**
 * Registers a {@link MemoryPoolSystem}'s pools, budget and arenas with a Micrometer
 * {@link MeterRegistry}, under Micrometer's naming conventions (lower-case dotted names, base
 * units, counters without a {@code total} suffix: each registry renders them its own way).
 *
 * <p>Every meter has the tag {@code system} (the name given here) plus the common tags passed in;
 * pool meters also have the tag {@code pool} (the pool's name):
 * <ul>
 *   <li>gauges {@code pools.objects.in.use}, {@code pools.objects.free}, {@code pools.objects.capacity},
 *       {@code pools.objects.max}, {@code pools.objects.in.use.peak} (objects);</li>
 *   <li>function counters {@code pools.acquisitions} with tag {@code result} = {@code hit} (served by a
 *       free object) or {@code miss} (a new one was made), {@code pools.releases}, {@code pools.refusals}
 *       (acquisitions refused at the pool's maximum), {@code pools.reused} (bytes served again);</li>
 *   <li>budget: gauges {@code pools.budget.limit}, {@code pools.budget.reserved},
 *       {@code pools.budget.reserved.peak} (bytes), function counter {@code pools.budget.refusals};</li>
 *   <li>arenas, when the system has an arena provider: gauges {@code pools.arenas.active},
 *       {@code pools.arenas.pooled}, {@code pools.arenas.reserved} (bytes), function counter
 *       {@code pools.arenas.acquisitions}.</li>
 * </ul>
 *
 * <p>Meters read the live stats each time a registry reads them: a pool meter costs one
 * {@link ObjectPool#stats()}, which sums the pool's striped counters, so it is exact only when no
 * thread is using the pool, like the stats themselves. {@link #bindTo} binds the pools the system
 * has at that moment; binding again adds pools created since and leaves the others as they are. Meters hold the system's objects weakly, as Micrometer's gauges do: a
 * system that is no longer referenced reads as NaN.
 *
 * <p>Thread-safe: immutable; {@link #bindTo} may be called from any thread.
 */
public final class PoolSystemMetrics implements MeterBinder {
    /** One description for both results: registries such as Prometheus keep one per meter name. */
    private static final String ACQUISITIONS = "Acquisitions: served by a free object (hit) or by a new one (miss)";

    private final MemoryPoolSystem system;
    private final Tags tags;

    /**
     * Meters for {@code system}, tagged {@code system=<systemName>} and with {@code commonTags}.
     *
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if {@code systemName} is blank
     */
    public PoolSystemMetrics(MemoryPoolSystem system, String systemName, Iterable<Tag> commonTags) {
        this.system = Objects.requireNonNull(system, "system");
        Objects.requireNonNull(systemName, "systemName");
        if (systemName.isBlank()) {
            throw new IllegalArgumentException("systemName must name the system in its meters' tags, but is blank");
        }
        this.tags = Tags.of(Objects.requireNonNull(commonTags, "commonTags")).and("system", systemName);
    }

    /**
     * Meters for {@code system}, tagged {@code system=<systemName>}.
     *
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if {@code systemName} is blank
     */
    public PoolSystemMetrics(MemoryPoolSystem system, String systemName) {
        this(system, systemName, Tags.empty());
    }

    /**
     * Binds {@code system}'s meters to {@code registry}, as {@code new PoolSystemMetrics(system, systemName).bindTo(registry)}.
     *
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if {@code systemName} is blank
     */
    public static void monitor(MeterRegistry registry, MemoryPoolSystem system, String systemName) {
        new PoolSystemMetrics(system, systemName).bindTo(Objects.requireNonNull(registry, "registry"));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        // Micrometer logs a warning when a gauge is registered twice: binding again skips what is bound.
        for (ObjectPool<?> pool : system.pools()) {
            Tags poolTags = tags.and("pool", pool.stats().name());
            if (absent(registry, "pools.objects.in.use", poolTags)) {
                bindPool(registry, pool, poolTags);
            }
        }
        if (absent(registry, "pools.budget.limit", tags)) {
            bindBudget(registry, system.budget());
        }
        if (system.providers().containsKey(Capability.ARENAS) && absent(registry, "pools.arenas.active", tags)) {
            bindArenas(registry, system.arenas());
        }
    }

    private static boolean absent(MeterRegistry registry, String name, Tags exactly) {
        return registry.find(name).tags(exactly).meters().stream()
                .noneMatch(meter -> Tags.of(meter.getId().getTags()).equals(exactly));
    }

    private void bindPool(MeterRegistry registry, ObjectPool<?> pool, Tags poolTags) {
        gauge(registry, "pools.objects.in.use", "Objects acquired and not yet released", pool, poolTags,
                p -> p.stats().inUse());
        gauge(registry, "pools.objects.free", "Objects in the pool, ready to be acquired", pool, poolTags,
                p -> p.stats().free());
        gauge(registry, "pools.objects.capacity", "Objects the pool holds now, in use or free", pool, poolTags,
                p -> p.stats().capacity());
        gauge(registry, "pools.objects.max", "Objects the pool may grow to", pool, poolTags,
                p -> p.stats().maxCapacity());
        gauge(registry, "pools.objects.in.use.peak", "Most objects in use at once", pool, poolTags,
                p -> p.stats().peakInUse());
        counter(registry, "pools.acquisitions", ACQUISITIONS, BaseUnits.OPERATIONS,
                pool, poolTags.and("result", "hit"), p -> p.stats().hits());
        counter(registry, "pools.acquisitions", ACQUISITIONS, BaseUnits.OPERATIONS,
                pool, poolTags.and("result", "miss"), p -> p.stats().misses());
        counter(registry, "pools.objects.created", "Objects the pool created, pre-created ones included",
                BaseUnits.OBJECTS, pool, poolTags, p -> p.stats().created());
        counter(registry, "pools.objects.trimmed", "Objects given back because they stayed free past the idle policy",
                BaseUnits.OBJECTS, pool, poolTags, p -> p.stats().trimmed());
        counter(registry, "pools.releases", "Objects released back to the pool", BaseUnits.OPERATIONS,
                pool, poolTags, p -> p.stats().freed());
        counter(registry, "pools.refusals", "Acquisitions refused at the pool's maximum", BaseUnits.OPERATIONS,
                pool, poolTags, p -> p.stats().refusals());
        counter(registry, "pools.reused", "Off-heap bytes served again instead of allocated", BaseUnits.BYTES,
                pool, poolTags, p -> p.stats().reusedBytes());
    }

    private void bindBudget(MeterRegistry registry, MemoryBudget budget) {
        Gauge.builder("pools.budget.limit", budget, b -> b.stats().limitBytes()).tags(tags)
                .description("Off-heap bytes the system may reserve").baseUnit(BaseUnits.BYTES).register(registry);
        Gauge.builder("pools.budget.reserved", budget, b -> b.stats().reservedBytes()).tags(tags)
                .description("Off-heap bytes reserved by pools and arenas").baseUnit(BaseUnits.BYTES).register(registry);
        Gauge.builder("pools.budget.reserved.peak", budget, b -> b.stats().peakReservedBytes()).tags(tags)
                .description("Most off-heap bytes reserved at once").baseUnit(BaseUnits.BYTES).register(registry);
        FunctionCounter.builder("pools.budget.refusals", budget, b -> b.stats().refusals()).tags(tags)
                .description("Reservations refused because they would pass the limit").register(registry);
    }

    private void bindArenas(MeterRegistry registry, ArenaManager arenas) {
        Gauge.builder("pools.arenas.active", arenas, a -> a.stats().activeArenas()).tags(tags)
                .description("Arenas acquired and not yet closed").register(registry);
        Gauge.builder("pools.arenas.pooled", arenas, a -> a.stats().pooledArenas()).tags(tags)
                .description("Closed arenas kept for reuse").register(registry);
        Gauge.builder("pools.arenas.reserved", arenas, a -> a.stats().reservedBytes()).tags(tags)
                .description("Off-heap bytes the arenas' pages hold").baseUnit(BaseUnits.BYTES).register(registry);
        FunctionCounter.builder("pools.arenas.acquisitions", arenas, a -> a.stats().acquisitions()).tags(tags)
                .description("Arenas acquired").baseUnit(BaseUnits.OPERATIONS).register(registry);
    }

    private static void gauge(MeterRegistry registry, String name, String description, ObjectPool<?> pool,
                              Tags poolTags, ToDoubleFunction<ObjectPool<?>> value) {
        Gauge.builder(name, pool, value).tags(poolTags).description(description).baseUnit(BaseUnits.OBJECTS)
                .register(registry);
    }

    private static void counter(MeterRegistry registry, String name, String description, String unit,
                                ObjectPool<?> pool, Tags poolTags, ToDoubleFunction<ObjectPool<?>> value) {
        FunctionCounter.builder(name, pool, value).tags(poolTags).description(description).baseUnit(unit)
                .register(registry);
    }
}

package pools.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What `jar --describe-module` shows, checked: names, uses, provides, and no exports from
 * providers to hosts but pools.analytics' MXBean interfaces, which JMX clients must reach.
 */
class ModuleDescriptorTest {
    private static final Map<String, Set<String>> PROVIDES = Map.of(
            "pools.fixed", Set.of("pools.api.spi.ObjectPoolProvider"),
            "pools.simd", Set.of("pools.api.spi.EmbeddingPoolProvider", "pools.api.spi.VectorKernelsProvider"),
            "pools.arena", Set.of("pools.api.spi.ArenaManagerProvider"),
            "pools.analytics", Set.of("pools.api.spi.AnalyticsProvider"));

    private static Map<String, ModuleDescriptor> ourModules() {
        Path[] entries = HostLauncher.runtimeDependencies().stream().map(Path::of).toArray(Path[]::new);
        return ModuleFinder.of(entries).findAll().stream().map(ModuleReference::descriptor)
                .filter(d -> d.name().startsWith("pools."))
                .collect(Collectors.toMap(ModuleDescriptor::name, d -> d));
    }

    @Test
    void theApiUsesEveryProviderInterfaceAndExportsOnlyItsThreePackages() {
        ModuleDescriptor api = ourModules().get("pools.api");
        assertNotNull(api, "pools.api is on the runtime path");
        assertEquals(Set.of("pools.api.spi.ObjectPoolProvider", "pools.api.spi.EmbeddingPoolProvider",
                "pools.api.spi.VectorKernelsProvider", "pools.api.spi.ArenaManagerProvider",
                "pools.api.spi.AnalyticsProvider"), api.uses());
        assertEquals(Set.of("pools.api", "pools.api.seed", "pools.api.spi"),
                api.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()));
        assertTrue(api.requires().stream().allMatch(r -> r.name().startsWith("java.")),
                "pools.api depends on nothing outside the JDK: " + api.requires());
    }

    @Test
    void eachProviderModuleProvidesItsServicesAndExportsNothingToHostsButTheMXBeanInterfaces() {
        Map<String, ModuleDescriptor> modules = ourModules();
        assertEquals(Set.of("pools.api", "pools.fixed", "pools.simd", "pools.arena", "pools.analytics"), modules.keySet());
        PROVIDES.forEach((name, services) -> {
            ModuleDescriptor module = modules.get(name);
            assertEquals(services, module.provides().stream().map(ModuleDescriptor.Provides::service)
                    .collect(Collectors.toSet()), name);
            Set<String> exported = module.exports().stream().filter(e -> !e.isQualified())
                    .map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
            assertEquals(name.equals("pools.analytics") ? Set.of("pools.analytics.jmx") : Set.of(), exported,
                    name + " exports nothing else to hosts");
            assertTrue(module.requires().stream().anyMatch(r -> r.name().equals("pools.api")), name);
        });
    }
}

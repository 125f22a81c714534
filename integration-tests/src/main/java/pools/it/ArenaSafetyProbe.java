package pools.it;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import pools.api.ArenaKind;
import pools.api.ArenaSafety;
import pools.api.MemoryPoolSystem;
import pools.api.PoolConfig;
import pools.api.ScopedArena;

/**
 * Launched by the integration tests in a fresh JVM, with or without native access: builds a
 * system with the arena safety named by its argument, keeps a segment past its arena's close
 * and tries to read it, then prints the mode, what the stale read did, the system's toString
 * and the JSON report, one item per line ({@code key=value}, the report last).
 */
public final class ArenaSafetyProbe {
    private static final long SECRET = 0x5EC12E7L;

    private ArenaSafetyProbe() {
    }

    public static void main(String[] args) {
        PoolConfig config = PoolConfig.builder().maxTotalPoolMemoryMb(64)
                .arenaSafety(ArenaSafety.valueOf(args[0])).build();
        try (MemoryPoolSystem system = MemoryPoolSystem.create(config)) {
            MemorySegment stale;
            try (ScopedArena arena = system.arenas().acquire(ArenaKind.PRIMITIVE)) {
                stale = arena.allocate(64, 8);
                stale.set(ValueLayout.JAVA_LONG, 0, SECRET);
            }
            System.out.println("mode=" + system.analytics().arenas().mode());
            System.out.println("stale=" + staleRead(stale));
            System.out.println("system=" + system);
            System.out.println(system.report());
        }
    }

    private static String staleRead(MemorySegment stale) {
        try {
            return "read " + Long.toHexString(stale.get(ValueLayout.JAVA_LONG, 0));
        } catch (IllegalStateException e) {
            return "threw IllegalStateException";
        }
    }
}

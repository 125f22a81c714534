package pools.api.spi;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The one way every lock-free structure of Agrama Pools gets the {@link VarHandle} of its own
 * shared field: {@code private static final VarHandle HEAD = FieldHandles.of(MethodHandles.lookup(),
 * FreeBlocks.class, "head", long.class);}. The caller passes its own lookup, so private fields
 * stay private and no module needs to open a package.
 *
 * <p>A field that is not there is a bug in the calling class, found when the class initialises:
 * the {@link IllegalStateException} this throws there names the class, field and type.
 * Thread-safe (stateless).
 */
public final class FieldHandles {
    private FieldHandles() {
    }

    /**
     * The handle of the instance field {@code name} of type {@code type} declared by {@code owner}.
     *
     * @param lookup the caller's {@code MethodHandles.lookup()}, which may see {@code owner}'s private fields
     * @throws IllegalStateException if {@code owner} declares no such field, or {@code lookup} may not access it
     */
    public static VarHandle of(MethodHandles.Lookup lookup, Class<?> owner, String name, Class<?> type) {
        try {
            return lookup.findVarHandle(owner, name, type);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no accessible field " + type.getName() + " " + name
                    + " in " + owner.getName() + " for the lookup of " + lookup.lookupClass().getName(), e);
        }
    }
}

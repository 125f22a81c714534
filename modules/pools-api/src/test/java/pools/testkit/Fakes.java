package pools.testkit;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;

/**
 * Stand-ins for any interface of the API, for tests that need a capability to be present but not
 * real: each call is logged as {@code "Type.method"}, answered from a map by method name, else by
 * the interface's default method, else by a zero, false or null.
 */
public final class Fakes {
    private Fakes() {
    }

    /** A stand-in for {@code type} that logs each call to {@code log} and answers from {@code answers}. */
    public static <T> T of(Class<T> type, List<String> log, Map<String, Object> answers) {
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (method.getDeclaringClass() == Object.class) {
                return switch (name) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "fake " + type.getSimpleName();
                };
            }
            log.add(type.getSimpleName() + "." + name);
            if (answers.containsKey(name)) {
                return answers.get(name);
            }
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            return zero(method);
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object zero(Method method) {
        Class<?> r = method.getReturnType();
        if (!r.isPrimitive() || r == void.class) {
            return null;
        }
        if (r == boolean.class) {
            return false;
        }
        if (r == long.class) {
            return 0L;
        }
        if (r == int.class) {
            return 0;
        }
        if (r == float.class) {
            return 0f;
        }
        if (r == double.class) {
            return 0d;
        }
        return (byte) 0;
    }
}

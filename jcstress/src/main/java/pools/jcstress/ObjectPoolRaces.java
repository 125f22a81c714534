package pools.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;
import org.openjdk.jcstress.infra.results.II_Result;
import org.openjdk.jcstress.infra.results.I_Result;
import pools.api.ObjectPool;

/** Races on the fixed pool's free list, per-thread caches and lease states. */
public final class ObjectPoolRaces {
    private ObjectPoolRaces() {
    }

    /** Two threads race for the only object: exactly one gets it; it is neither lost nor shared. */
    @JCStressTest
    @Outcome(id = "1, 0", expect = ACCEPTABLE, desc = "the first actor won")
    @Outcome(id = "0, 1", expect = ACCEPTABLE, desc = "the second actor won")
    @Outcome(id = "1, 1", expect = FORBIDDEN, desc = "one object handed out twice")
    @Outcome(id = "0, 0", expect = FORBIDDEN, desc = "the free object was lost")
    @State
    public static class LastObject {
        private final ObjectPool<Object> pool = Pools.objects(1);

        @Actor
        public void first(II_Result r) {
            r.r1 = pool.tryAcquire().isPresent() ? 1 : 0;
        }

        @Actor
        public void second(II_Result r) {
            r.r2 = pool.tryAcquire().isPresent() ? 1 : 0;
        }
    }

    /** One thread releases while another acquires: the acquirer gets that object or nothing yet, never the held one. */
    @JCStressTest
    @Outcome(id = "0, 1", expect = ACCEPTABLE, desc = "the acquire ran before the release was visible")
    @Outcome(id = "1, 2", expect = ACCEPTABLE, desc = "the acquire got the released object")
    @Outcome(id = "2, .*", expect = FORBIDDEN, desc = "the acquire got the object still held")
    @Outcome(expect = FORBIDDEN, desc = "in-use count disagrees with what was handed out")
    @State
    public static class ReleaseMeetsAcquire {
        private final ObjectPool<Object> pool = Pools.objects(2);
        private final Object released = pool.acquire();
        private final Object held = pool.acquire();

        @Actor
        public void releaser() {
            pool.release(released);
        }

        @Actor
        public void acquirer(II_Result r) {
            r.r1 = pool.tryAcquire().map(o -> o == released ? 1 : o == held ? 2 : 3).orElse(0);
        }

        @Arbiter
        public void inUse(II_Result r) {
            r.r2 = (int) pool.stats().inUse();
        }
    }

    /**
     * Two threads release the same object in the checked mode ({@code ReleaseCheck.RACING}):
     * exactly one release counts, the other is refused. (The default mode detects only a
     * sequential double release, which {@code RacingReleaseTest} checks.)
     */
    @JCStressTest
    @Outcome(id = "1, 0, 1", expect = ACCEPTABLE, desc = "the first release won")
    @Outcome(id = "0, 1, 1", expect = ACCEPTABLE, desc = "the second release won")
    @Outcome(expect = FORBIDDEN, desc = "both or neither release counted, or the freed count is wrong")
    @State
    public static class DoubleRelease {
        private final ObjectPool<Object> pool = Pools.checkedObjects(1);
        private final Object lease = pool.acquire();

        @Actor
        public void first(III_Result r) {
            r.r1 = Pools.releaseCounted(pool, lease);
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = Pools.releaseCounted(pool, lease);
        }

        @Arbiter
        public void freed(III_Result r) {
            r.r3 = (int) pool.stats().freed();
        }
    }

    /** Two threads release different objects at once: afterwards both can be acquired again, each once. */
    @JCStressTest
    @Outcome(id = "2", expect = ACCEPTABLE, desc = "both objects came back, each once")
    @Outcome(expect = FORBIDDEN, desc = "an object was lost or duplicated")
    @State
    public static class ConcurrentReleases {
        private final ObjectPool<Object> pool = Pools.objects(2);
        private final Object a = pool.acquire();
        private final Object b = pool.acquire();

        @Actor
        public void releaseA() {
            pool.release(a);
        }

        @Actor
        public void releaseB() {
            pool.release(b);
        }

        @Arbiter
        public void reacquire(I_Result r) {
            Object x = pool.tryAcquire().orElse(null);
            Object y = pool.tryAcquire().orElse(null);
            boolean third = pool.tryAcquire().isPresent();
            r.r1 = x != null && y != null && x != y && !third ? 2 : -1;
        }
    }

    /**
     * A thread takes the only object and gives it back (into its own magazine) while another
     * thread asks for it: the asker may get it (stealing from the magazine) or find it in use,
     * but the object is never lost and in-use counts agree.
     */
    @JCStressTest
    @Outcome(id = "1, 0, 0", expect = ACCEPTABLE, desc = "the owner cycled it; the asker came while it was held")
    @Outcome(id = "1, 1, 1", expect = ACCEPTABLE, desc = "the asker stole it from the owner's magazine")
    @Outcome(id = "0, 1, 1", expect = ACCEPTABLE, desc = "the asker took it first")
    @Outcome(expect = FORBIDDEN, desc = "the object was lost, or in use was miscounted")
    @State
    public static class StealFromMagazine {
        private final ObjectPool<Object> pool = Pools.objects(1);

        @Actor
        public void owner(III_Result r) {
            Object object = pool.tryAcquire().orElse(null);
            if (object != null) {
                pool.release(object);
            }
            r.r1 = object != null ? 1 : 0;
        }

        @Actor
        public void asker(III_Result r) {
            r.r2 = pool.tryAcquire().isPresent() ? 1 : 0;
        }

        @Arbiter
        public void inUse(III_Result r) {
            r.r3 = (int) pool.stats().inUse();
        }
    }
}

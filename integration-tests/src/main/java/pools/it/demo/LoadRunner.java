package pools.it.demo;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * Runs the queries on N threads for a while, pooled and {@code new}-everything alternating in
 * phases in this one JVM, so both see the same heap, JIT state and machine noise:
 *
 * <ol>
 *   <li>warm-up (a quarter of the time), short slices each way, not measured;</li>
 *   <li>flat out (three tenths), in the order pooled, new, new, pooled: throughput, and the
 *       service time of each query;</li>
 *   <li>a fixed offered rate (the rest), the same for both ways, in the same order. Open loop:
 *       query i of a thread is due at {@code start + i / rate}, and its latency counts from
 *       then, not from when the thread got to it, so a GC pause shows as the latency of every
 *       query it delayed (no coordinated omission).</li>
 * </ol>
 *
 * Every measured phase also counts collections and GC time (GarbageCollectorMXBeans, except
 * ZGC's and Shenandoah's "Cycles" beans, whose time is concurrent, not paused) and heap bytes
 * allocated by all threads ({@code com.sun.management.ThreadMXBean#getTotalThreadAllocatedBytes},
 * which also sees virtual threads through their carriers), and, on platform threads, what the
 * workers' query loops allocated themselves (queries and latency recording, without the phase's
 * thread starts, latches and other JVM threads), so that the two can be told apart.
 */
final class LoadRunner {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final long WARM_UP_SLICE_NANOS = 500_000_000L;

    /** One thread's state for one way: its workload, memory and next query, kept across phases. */
    private record Worker(QueryWorkload workload, QueryMemory memory, int number, long[] next) {
    }

    /**
     * What one phase saw besides its queries: collections and GC milliseconds while it ran, and
     * how long after its planned end it finished (a fixed-rate phase that fell behind its offered
     * rate finishes the queries already due, so this is how far behind it was).
     */
    private record PhaseEnd(long collections, long collectionMillis, long lateNanos) {
        String describe() {
            return String.format(Locale.ROOT, "this phase: GC %d collections, %d ms; ended %,.0f ms late",
                    collections, collectionMillis, lateNanos / 1e6);
        }
    }

    private final int threads;
    private final boolean virtual;
    private final List<Worker> pooledWorkers = new ArrayList<>();
    private final List<Worker> newWorkers = new ArrayList<>();
    final WayResult pooled = new WayResult("pooled");
    final WayResult unpooled = new WayResult("new-everything");
    private double offeredRate;

    LoadRunner(int threads, boolean virtual, Supplier<QueryWorkload> workloads,
               Supplier<QueryMemory> pooledMemory) {
        this.threads = threads;
        this.virtual = virtual;
        for (int t = 0; t < threads; t++) {
            pooledWorkers.add(new Worker(workloads.get(), pooledMemory.get(), t, new long[1]));
            newWorkers.add(new Worker(workloads.get(), QueryMemory.unpooled(), t, new long[1]));
        }
    }

    /** Queries per second offered in the fixed-rate phases: half the slower way's flat-out throughput. */
    double offeredRate() {
        return offeredRate;
    }

    /** Runs every phase; {@code phaseDone} hears of each measured phase as it ends. */
    void run(double seconds, Consumer<String> phaseDone) {
        long warmUp = (long) (seconds * 0.25e9);
        for (long spent = 0; spent < warmUp; spent += 2 * WARM_UP_SLICE_NANOS) {
            phase(pooledWorkers, null, WARM_UP_SLICE_NANOS, 0);
            phase(newWorkers, null, WARM_UP_SLICE_NANOS, 0);
        }
        long flatOut = (long) (seconds * 0.3e9 / 4);
        for (boolean pooledTurn : new boolean[] {true, false, false, true}) {
            WayResult way = pooledTurn ? pooled : unpooled;
            PhaseEnd end = phase(pooledTurn ? pooledWorkers : newWorkers, way, flatOut, 0);
            phaseDone.accept(String.format(Locale.ROOT, "flat out, %s: %,.0f queries/s so far; %s",
                    way.name, way.queriesPerSecond(), end.describe()));
        }
        offeredRate = 0.5 * Math.min(pooled.queriesPerSecond(), unpooled.queriesPerSecond());
        long fixedRate = (long) (seconds * 0.45e9 / 4);
        for (boolean pooledTurn : new boolean[] {true, false, false, true}) {
            WayResult way = pooledTurn ? pooled : unpooled;
            PhaseEnd end = phase(pooledTurn ? pooledWorkers : newWorkers, way, fixedRate, offeredRate);
            phaseDone.accept(String.format(Locale.ROOT, "%,.0f queries/s offered, %s: p99.9 %,.0f µs so far; %s",
                    offeredRate, way.name, way.micros(99.9), end.describe()));
        }
    }

    /**
     * One phase of {@code nanos} on every worker: flat out when {@code rate} is 0, else at
     * {@code rate} queries per second over all threads. Measured into {@code way} unless null.
     */
    private PhaseEnd phase(List<Worker> workers, WayResult way, long nanos, double rate) {
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        long[] startAt = new long[1];
        long[] done = new long[threads];
        long[] loopBytes = new long[threads];
        Histogram[] histograms = new Histogram[threads];
        List<Thread> running = new ArrayList<>();
        for (Worker worker : workers) {
            Histogram histogram = WayResult.histogram();
            histograms[worker.number()] = histogram;
            Runnable body = () -> {
                ready.countDown();
                uninterruptibly(go::await);
                // -1 on a virtual thread: the JDK counts its bytes only on its carriers
                long before = THREADS.getCurrentThreadAllocatedBytes();
                done[worker.number()] = rate == 0
                        ? flatOut(worker, startAt[0] + nanos, histogram)
                        : fixedRate(worker, startAt[0], startAt[0] + nanos, rate, histogram);
                loopBytes[worker.number()] = before < 0 ? -1 : THREADS.getCurrentThreadAllocatedBytes() - before;
            };
            running.add(virtual ? Thread.ofVirtual().unstarted(body) : Thread.ofPlatform().unstarted(body));
        }
        running.forEach(Thread::start);
        uninterruptibly(ready::await);
        long[] gcBefore = gc();
        long allocatedBefore = THREADS.getTotalThreadAllocatedBytes();
        startAt[0] = System.nanoTime();
        go.countDown();
        running.forEach(thread -> uninterruptibly(thread::join));
        long elapsed = System.nanoTime() - startAt[0];
        long allocated = THREADS.getTotalThreadAllocatedBytes() - allocatedBefore;
        long[] gcAfter = gc();
        PhaseEnd end = new PhaseEnd(gcAfter[0] - gcBefore[0], gcAfter[1] - gcBefore[1], Math.max(0, elapsed - nanos));
        if (way == null) {
            return end;
        }
        long queries = 0;
        for (int t = 0; t < threads; t++) {
            queries += done[t];
            (rate == 0 ? way.serviceNanos : way.responseNanos).add(histograms[t]);
            if (loopBytes[t] < 0) {
                way.queryLoopBytesKnown = false;
            }
            way.queryLoopBytes += Math.max(0, loopBytes[t]);
        }
        if (rate == 0) {
            way.flatOutQueries += queries;
            way.flatOutNanos += elapsed;
        }
        way.queries += queries;
        way.allocatedBytes += allocated;
        way.collections += end.collections();
        way.collectionMillis += end.collectionMillis();
        return end;
    }

    private long flatOut(Worker worker, long deadline, Histogram histogram) {
        long queries = 0;
        for (long now = System.nanoTime(); now < deadline; queries++) {
            worker.workload().run(nextQuery(worker), worker.memory());
            long end = System.nanoTime();
            histogram.recordValue(end - now);
            now = end;
        }
        return queries;
    }

    private long fixedRate(Worker worker, long start, long deadline, double rate, Histogram histogram) {
        double interval = threads * 1e9 / rate;
        long queries = 0;
        for (long i = 0; ; i++) {
            long due = start + (long) ((i + (double) worker.number() / threads) * interval);
            if (due >= deadline) {
                return queries;
            }
            for (long now = System.nanoTime(); now < due; now = System.nanoTime()) {
                LockSupport.parkNanos(due - now);
            }
            worker.workload().run(nextQuery(worker), worker.memory());
            histogram.recordValue(System.nanoTime() - due);
            queries++;
        }
    }

    private long nextQuery(Worker worker) {
        return worker.next()[0]++ * threads + worker.number();
    }

    /** Collections and milliseconds of GC so far, over the beans that report pauses. */
    private static long[] gc() {
        long[] totals = new long[2];
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!bean.getName().endsWith("Cycles")) {
                totals[0] += Math.max(0, bean.getCollectionCount());
                totals[1] += Math.max(0, bean.getCollectionTime());
            }
        }
        return totals;
    }

    /** Something that blocks until done and may be interrupted on the way. */
    private interface Blocking {
        void await() throws InterruptedException;
    }

    /** Waits until {@code blocking} is done, whatever interrupts; keeps the interrupt for the caller. */
    private static void uninterruptibly(Blocking blocking) {
        boolean interrupted = false;
        while (true) {
            try {
                blocking.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.tenken.collect;

import io.tenken.facts.CollectionError;
import io.tenken.snapshot.ServiceStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs collectors over their units (regions or "global") concurrently: a shared pool for the
 * (service, unit) tasks and, inside each service, a bounded pool and permit count for calls.
 */
public final class CollectionRunner {
    private final AwsClients clients;
    private final ScanOptions options;
    private final String accountId;
    private final String partition;

    public CollectionRunner(AwsClients clients, ScanOptions options, String accountId, String partition) {
        this.clients = clients;
        this.options = options;
        this.accountId = accountId;
        this.partition = partition;
    }

    /** Result of running collectors: per-service status and every error, in a stable order. */
    public record Result(Map<String, ServiceStatus> services, List<CollectionError> errors) {
    }

    public Result run(List<Collector> collectors, List<String> regions, FactSink sink) {
        Progress progress = new Progress(options.isProgress());
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.getParallelTasks()), r -> {
            Thread t = new Thread(r, "tenken-task-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Map<String, ServiceRun> runs = new LinkedHashMap<>();
        SharedReads shared = new SharedReads();
        Map<String, long[]> timing = new TreeMap<>();
        Map<String, AtomicInteger> pending = new TreeMap<>();
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (Collector c : collectors) {
                ServiceRun run = new ServiceRun(c.service(), clients, accountId, partition, regions,
                        options.getPerServiceConcurrency(), shared);
                runs.put(c.service(), run);
                List<String> units = c.units(regions);
                progress.start(c.service(), units.size(), run::itemsDone, run::itemsTotal,
                        () -> clients.listed(c.service()));
                long[] t = {System.nanoTime(), 0};
                timing.put(c.service(), t);
                AtomicInteger left = new AtomicInteger(units.size());
                pending.put(c.service(), left);
                for (String unit : units) {
                    futures.add(pool.submit(() -> {
                        try {
                            c.collect(run, unit, sink);
                        } catch (RuntimeException e) {
                            // A bug or an unexpected answer: fail closed for this unit.
                            run.record(regionOf(c, unit), "collect", null, "CollectorFailure",
                                    e.getClass().getSimpleName() + ": " + Errors.message(e));
                        } finally {
                            run.regionVisited(regionOf(c, unit));
                            if (left.decrementAndGet() == 0) {
                                t[1] = System.nanoTime();
                            }
                            progress.unitDone(c.service(), unit, clients.calls(c.service()), run.errors().size());
                        }
                    }));
                }
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("scan interrupted", e);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
            for (Collector c : collectors) {
                ServiceRun run = runs.get(c.service());
                long callsBefore = clients.calls(c.service());
                try {
                    c.followUp(run, sink);
                } catch (RuntimeException e) {
                    run.record(io.tenken.facts.Resource.GLOBAL, "followUp", null, "CollectorFailure",
                            e.getClass().getSimpleName() + ": " + Errors.message(e));
                }
                if (clients.calls(c.service()) != callsBefore) {
                    timing.get(c.service())[1] = System.nanoTime();
                }
            }
        } finally {
            pool.shutdownNow();
            runs.values().forEach(ServiceRun::close);
            progress.finish();
        }
        Map<String, ServiceStatus> services = new TreeMap<>();
        List<CollectionError> errors = new ArrayList<>();
        for (ServiceRun run : runs.values()) {
            List<CollectionError> es = run.errors();
            errors.addAll(es);
            long[] t = timing.get(run.service());
            String status = es.isEmpty() ? "COMPLETE" : run.succeeded() == 0 ? "FAILED" : "PARTIAL";
            services.put(run.service(), ServiceStatus.builder().status(status).regions(run.regions())
                    .apiCalls(clients.calls(run.service())).calls(clients.callsByOperation(run.service())).notRead(run.notRead())
                    .elapsedMs((Math.max(t[1], t[0]) - t[0]) / 1_000_000).build());
        }
        errors.sort(ERROR_ORDER);
        return new Result(services, errors);
    }

    static String regionOf(Collector c, String unit) {
        return c instanceof WafCollector ? WafCollector.regionOf(unit) : unit;
    }

    static final java.util.Comparator<CollectionError> ERROR_ORDER = java.util.Comparator
            .comparing((CollectionError e) -> String.valueOf(e.getService()))
            .thenComparing(e -> String.valueOf(e.getRegion()))
            .thenComparing(e -> String.valueOf(e.getOperation()))
            .thenComparing(e -> String.valueOf(e.getResourceId()))
            .thenComparing(e -> String.valueOf(e.getErrorCode()));
}

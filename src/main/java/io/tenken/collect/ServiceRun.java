package io.tenken.collect;

import io.tenken.facts.CollectionError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One service's collection: its clients, the account, bounded concurrency for its calls, and
 * the errors it met. Every SDK call goes through {@link #call} or {@link #callOrAbsent}, which
 * turn failures that survived the SDK's retries into {@link CollectionError}s.
 */
public final class ServiceRun implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceRun.class);

    private final String service;
    private final AwsClients clients;
    private final String accountId;
    private final String partition;
    private final List<String> scanRegions;
    private final Semaphore permits;
    private final SharedReads shared;
    private final ExecutorService items;
    private final ConcurrentLinkedQueue<CollectionError> errors = new ConcurrentLinkedQueue<>();
    private final Set<String> regions = new ConcurrentSkipListSet<>();
    private final AtomicLong succeeded = new AtomicLong();
    private final Set<String> notRead = new ConcurrentSkipListSet<>();
    private final AtomicLong itemsTotal = new AtomicLong();
    private final AtomicLong itemsDone = new AtomicLong();
    private static final AtomicInteger THREADS = new AtomicInteger();

    public ServiceRun(String service, AwsClients clients, String accountId, String partition,
                      List<String> scanRegions, int concurrency, SharedReads shared) {
        this.service = service;
        this.shared = shared;
        this.clients = clients;
        this.accountId = accountId;
        this.partition = partition;
        this.scanRegions = List.copyOf(scanRegions);
        this.permits = new Semaphore(Math.max(1, concurrency));
        this.items = Executors.newFixedThreadPool(Math.max(1, concurrency), r -> {
            Thread t = new Thread(r, "tenken-" + service + "-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public String service() {
        return service;
    }

    public AwsClients clients() {
        return clients;
    }

    public String accountId() {
        return accountId;
    }

    public String partition() {
        return partition;
    }

    public List<String> scanRegions() {
        return scanRegions;
    }

    void regionVisited(String region) {
        regions.add(region);
    }

    public List<String> regions() {
        return List.copyOf(regions);
    }

    public List<CollectionError> errors() {
        return List.copyOf(errors);
    }

    /** Records that {@code operation} is deliberately not called in this scan (see {@link io.tenken.snapshot.ServiceStatus#getNotRead()}). */
    public void notRead(String operation) {
        notRead.add(operation);
    }

    public List<String> notRead() {
        return List.copyOf(notRead);
    }

    public long succeeded() {
        return succeeded.get();
    }

    /** Resources handed to {@link #forEach} so far (buckets, functions): the terminal's "s3 412/1000". */
    long itemsTotal() {
        return itemsTotal.get();
    }

    /** Of {@link #itemsTotal}, those finished. */
    long itemsDone() {
        return itemsDone.get();
    }

    /** Runs one API call (or one paginated listing); null when it failed (the error is recorded). */
    public <T> T call(String region, String operation, String resourceId, Supplier<T> call) {
        Outcome<T> o = callOrAbsent(region, operation, resourceId, call);
        return o.value();
    }

    /**
     * Runs one API call; an error whose code is one of {@code notFoundCodes} means "not
     * configured" and is an ABSENT outcome, not an error.
     */
    public <T> Outcome<T> callOrAbsent(String region, String operation, String resourceId, Supplier<T> call,
                                       String... notFoundCodes) {
        return taken(attempt(operation, region, call, notFoundCodes), region, operation, resourceId);
    }

    /**
     * As {@link #callOrAbsent}, for a read other collectors also need: sent once per scan under
     * {@code key} (by whichever collector asks first, through the client {@code call} uses, so
     * calls are counted under the same service whoever sends them), its answer taken by every
     * asker. A failure is recorded by each asker under its own {@code operation} and
     * {@code resourceId}, so each one's declared {@link Calls} leave its own facts unknown.
     */
    public <T> Outcome<T> callShared(String key, String region, String operation, String resourceId, Supplier<T> call,
                                     String... notFoundCodes) {
        return taken(shared.get(key, () -> attempt(operation, region, call, notFoundCodes)), region, operation, resourceId);
    }

    /** One call under this service's permits; a failure is returned, not yet recorded. */
    private SharedReads.Answer attempt(String operation, String region, Supplier<?> call, String... notFoundCodes) {
        boolean acquired = false;
        try {
            permits.acquire();
            acquired = true;
            return new SharedReads.Answer(Outcome.Kind.OK, call.get(), null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SharedReads.Answer.failed("Interrupted", "collection interrupted");
        } catch (RuntimeException e) {
            String code = Errors.code(e);
            for (String nf : notFoundCodes) {
                if (nf.equals(code)) {
                    return new SharedReads.Answer(Outcome.Kind.ABSENT, null, null, null);
                }
            }
            LOG.debug("{} {} in {} failed", service, operation, region, e);
            return SharedReads.Answer.failed(code, Errors.message(e));
        } finally {
            if (acquired) {
                permits.release();
            }
        }
    }

    /** An answer as this service's outcome: counted as succeeded, or recorded as its error. */
    @SuppressWarnings("unchecked")
    private <T> Outcome<T> taken(SharedReads.Answer a, String region, String operation, String resourceId) {
        if (a.kind() == Outcome.Kind.FAILED) {
            record(region, operation, resourceId, a.errorCode(), a.message());
            return Outcome.failed();
        }
        succeeded.incrementAndGet();
        return a.kind() == Outcome.Kind.OK ? Outcome.ok((T) a.value()) : Outcome.absent();
    }

    public void record(String region, String operation, String resourceId, String code, String message) {
        errors.add(CollectionError.builder().service(service).region(region).operation(operation)
                .errorCode(code).message(message).resourceId(resourceId).build());
    }

    /** Runs {@code work} for every item on this service's bounded pool and waits for all. */
    public <X> void forEach(Collection<X> itemsToDo, Consumer<X> work) {
        if (itemsToDo.size() <= 1 || Thread.currentThread().getName().startsWith("tenken-" + service + "-")) {
            // Nested fan-out runs inline: waiting on our own bounded pool could deadlock.
            itemsToDo.forEach(work);
            return;
        }
        List<Future<?>> futures = new ArrayList<>(itemsToDo.size());
        itemsTotal.addAndGet(itemsToDo.size());
        for (X x : itemsToDo) {
            futures.add(items.submit(() -> {
                try {
                    work.accept(x);
                } finally {
                    itemsDone.incrementAndGet();
                }
            }));
        }
        // Wait for every item before reporting a failure: items still running after we return
        // would add facts and errors after the service's results were taken.
        RuntimeException first = null;
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                futures.forEach(x -> x.cancel(true));
                throw new IllegalStateException("interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable c = e.getCause();
                if (first == null) {
                    first = c instanceof RuntimeException re ? re : new IllegalStateException(c);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    public String arn(String svc, String region, String resource) {
        return "arn:" + partition + ":" + svc + ":" + region + ":" + accountId + ":" + resource;
    }

    @Override
    public void close() {
        items.shutdownNow();
    }
}

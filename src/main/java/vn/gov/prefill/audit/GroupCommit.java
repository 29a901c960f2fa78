package vn.gov.prefill.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: the records of the prefills that arrive while one transaction is being written go
 * together into the next one, written by a single writer per gateway. A prefill waits for its own
 * batch, no longer than it was told to; whoever gives up before its batch is taken has its records
 * withdrawn, so a refused prefill is never written late. A batch that fails is retried one prefill at a
 * time, so one prefill's bad record costs only that prefill.
 *
 * <p>The writer is a pool of at most one thread that ends when idle: a gateway (or a test) that
 * appends nothing holds no thread.
 */
final class GroupCommit {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    /** One prefill's records, waiting for a batch. */
    static final class Pending {
        final List<LoggedDisclosure> records;
        final CompletableFuture<Long> appended = new CompletableFuture<>();
        /** Set once, by the writer taking it or by the prefill giving up: whoever sets it decides. */
        final AtomicBoolean decided = new AtomicBoolean();

        Pending(List<LoggedDisclosure> records) {
            this.records = records;
        }
    }

    private final Function<List<LoggedDisclosure>, Long> transaction;
    private final int maxRecords;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final ThreadPoolExecutor writer;
    private final BatchObserver observer;
    private volatile boolean closed;

    /** Told of each batch written: its prefills and records. */
    interface BatchObserver {
        void written(int prefills, int records);
    }

    /**
     * @param transaction appends the records, in order, in one transaction; returns the last seq
     * @param maxRecords  the most records one transaction takes (a prefill's records are never split)
     */
    GroupCommit(Function<List<LoggedDisclosure>, Long> transaction, int maxRecords, BatchObserver observer) {
        this.transaction = transaction;
        this.maxRecords = maxRecords;
        this.observer = observer;
        AtomicInteger n = new AtomicInteger();
        this.writer = new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "disclosure-writer-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Appends one prefill's records and waits for them to be committed, at most {@code waitNanos}.
     *
     * @return the seq of the prefill's last record
     * @throws AuditUnavailableException when they were not committed in time, or could not be
     */
    long append(List<LoggedDisclosure> records, long waitNanos) {
        if (closed) {
            throw new AuditUnavailableException("the disclosure log is shutting down", null);
        }
        Pending pending = new Pending(records);
        queue.add(pending);
        if (draining.compareAndSet(false, true)) {
            try {
                writer.execute(this::drain);
            } catch (RejectedExecutionException e) {
                draining.set(false);
                throw new AuditUnavailableException("the disclosure log is shutting down", e);
            }
        }
        try {
            return pending.appended.get(waitNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            boolean withdrawn = pending.decided.compareAndSet(false, true);
            log.error("disclosure log unavailable: no commit within {} ms ({})", TimeUnit.NANOSECONDS.toMillis(waitNanos),
                    withdrawn ? "withdrawn before writing" : "its batch was being written");
            throw new AuditUnavailableException("the disclosure log did not commit in time", null);
        } catch (InterruptedException e) {
            pending.decided.compareAndSet(false, true);
            Thread.currentThread().interrupt();
            throw new AuditUnavailableException("interrupted while waiting for the disclosure log", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof AuditUnavailableException a ? a
                    : new AuditUnavailableException("the disclosure log could not be written", e.getCause());
        }
    }

    /** The writer: batches until the queue is empty, then gives the turn back. */
    private void drain() {
        while (true) {
            List<Pending> batch = take();
            if (batch.isEmpty()) {
                draining.set(false);
                // a prefill queued after take() saw the queue empty, but before draining was cleared, needs a writer
                if (queue.isEmpty() || !draining.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            write(batch);
        }
    }

    private List<Pending> take() {
        List<Pending> batch = new ArrayList<>();
        int records = 0;
        Pending next;
        while ((next = queue.peek()) != null) {
            if (!batch.isEmpty() && records + next.records.size() > maxRecords) {
                break;
            }
            queue.poll();
            if (next.decided.compareAndSet(false, true)) {
                batch.add(next);
                records += next.records.size();
            }
        }
        return batch;
    }

    private void write(List<Pending> batch) {
        try {
            commit(batch);
        } catch (AuditUnavailableException e) {
            if (batch.size() == 1) {
                batch.get(0).appended.completeExceptionally(e);
                return;
            }
            for (Pending one : batch) {
                try {
                    commit(List.of(one));
                } catch (AuditUnavailableException alone) {
                    one.appended.completeExceptionally(alone);
                } catch (RuntimeException | Error bug) {
                    one.appended.completeExceptionally(new AuditUnavailableException("the disclosure log could not be written", bug));
                }
            }
        } catch (RuntimeException | Error bug) {
            AuditUnavailableException failed = new AuditUnavailableException("the disclosure log could not be written", bug);
            batch.forEach(p -> p.appended.completeExceptionally(failed));
        }
    }

    private void commit(List<Pending> batch) {
        List<LoggedDisclosure> records;
        if (batch.size() == 1) {
            records = batch.get(0).records;
        } else {
            records = new ArrayList<>();
            batch.forEach(p -> records.addAll(p.records));
        }
        long last = transaction.apply(records);
        observer.written(batch.size(), records.size());
        // each prefill learns the seq of its own last record
        long seq = last - records.size();
        for (Pending p : batch) {
            seq += p.records.size();
            p.appended.complete(seq);
        }
    }

    /** Refuses new appends, lets the writer finish what is queued (at most {@code waitMs}). */
    void close(long waitMs) {
        closed = true;
        writer.shutdown();
        try {
            if (!writer.awaitTermination(waitMs, TimeUnit.MILLISECONDS)) {
                writer.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

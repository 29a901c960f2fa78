package vn.gov.prefill.indicators;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Keeps the prefill path free of a database round trip: a prefill's tally goes into a bounded queue
 * and one writer thread stores them in batches. A full queue drops the tally (counted), never waits;
 * a crash loses what was still queued. These are statistics: the disclosure log, which is not, is
 * written synchronously by the prefill itself.
 */
@Component
class PrefillTallyQueue implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PrefillTallyQueue.class);
    private static final int BATCH = 500;

    private final IndicatorStore store;
    private final BlockingQueue<PrefillTally> queue;
    private final AtomicLong offered = new AtomicLong();
    private final AtomicLong settled = new AtomicLong();
    private final Counter dropped;
    private volatile Thread writer;
    private volatile boolean running;

    PrefillTallyQueue(IndicatorStore store, MeterRegistry meters, @Value("${gateway.indicators.queue:10000}") int capacity) {
        this.store = store;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.dropped = Counter.builder("gateway.indicators.dropped")
                .description("Prefill tallies not stored: the queue was full or the database refused the batch")
                .register(meters);
        Gauge.builder("gateway.indicators.queued", queue, BlockingQueue::size)
                .description("Prefill tallies waiting to be stored").register(meters);
    }

    void offer(PrefillTally tally) {
        offered.incrementAndGet();
        if (!queue.offer(tally)) {
            dropped.increment();
            settled.incrementAndGet();
        }
    }

    /** Waits (at most {@code timeoutMs}) until every tally offered before this call is stored or dropped. */
    void flush(long timeoutMs) {
        long target = offered.get();
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (settled.get() < target && System.nanoTime() < until) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void drain() {
        List<PrefillTally> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                PrefillTally first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                store.insertPrefills(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } catch (RuntimeException e) {
                dropped.increment(batch.size());
                log.warn("indicators: {} prefill tally(ies) not stored: {}", batch.size(), e.getClass().getSimpleName());
            } finally {
                settled.addAndGet(batch.size());
                batch.clear();
            }
        }
    }

    @Override
    public void start() {
        running = true;
        writer = new Thread(this::drain, "indicator-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread t = writer;
        if (t != null) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Started before the web server and stopped after it, so that the last prefills are stored too. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

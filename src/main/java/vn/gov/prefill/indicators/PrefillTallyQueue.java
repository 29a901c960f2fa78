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
 * Keeps the prefill and suggestion paths free of a database round trip: a prefill's tally, a suggestion
 * shown and a prefill that may follow one go into a bounded queue, and one writer thread stores them in
 * batches, in order. A full queue drops the tally (counted), never waits; a crash loses what was still
 * queued. These are statistics: the disclosure log, which is not, is written synchronously by the
 * prefill itself. A suggestion found followed is counted in {@code gateway.suggestions.followed} here,
 * where the match is made.
 */
@Component
class PrefillTallyQueue implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PrefillTallyQueue.class);
    private static final int BATCH = 500;

    private final IndicatorStore store;
    private final BlockingQueue<Tally> queue;
    private final AtomicLong offered = new AtomicLong();
    private final AtomicLong settled = new AtomicLong();
    private final Counter dropped;
    private final MeterRegistry meters;
    private volatile Thread writer;
    private volatile boolean running;

    PrefillTallyQueue(IndicatorStore store, MeterRegistry meters, @Value("${gateway.indicators.queue:10000}") int capacity) {
        this.store = store;
        this.meters = meters;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.dropped = Counter.builder("gateway.indicators.dropped")
                .description("Indicator tallies (prefills, suggestions) not stored: the queue was full or the database refused the batch")
                .register(meters);
        Gauge.builder("gateway.indicators.queued", queue, BlockingQueue::size)
                .description("Indicator tallies (prefills, suggestions) waiting to be stored").register(meters);
    }

    void offer(Tally tally) {
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
        List<Tally> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Tally first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                store.insert(batch).forEach(lifeEvent -> Counter.builder("gateway.suggestions.followed")
                        .description("Suggestions followed: their form prefilled for their actingFor by the same person within 24 hours")
                        .tag("life_event", lifeEvent).register(meters).increment());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } catch (RuntimeException e) {
                dropped.increment(batch.size());
                log.warn("indicators: {} tally(ies) not stored: {}", batch.size(), e.getClass().getSimpleName());
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

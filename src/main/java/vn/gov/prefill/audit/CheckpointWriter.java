package vn.gov.prefill.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes this node's checkpoints of the chain head: when {@code records} records were appended since
 * its last one, or {@code every} has passed and the chain grew. Reads only the one head row, on a
 * thread of its own, off the prefill path.
 */
final class CheckpointWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointWriter.class);

    private final JdbcTemplate jdbc;
    private final Checkpoints checkpoints;
    private final String node;
    private final Duration every;
    private final long records;
    private ScheduledExecutorService timer;
    private Checkpoint last;

    CheckpointWriter(DataSource dataSource, Checkpoints checkpoints, String node, Duration every, long records) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.checkpoints = checkpoints;
        this.node = node;
        this.every = every;
        this.records = Math.max(1, records);
    }

    /** Checks the head every {@code poll} from now on. */
    void start(Duration poll) {
        last = checkpoints.latestOf(node);
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "chain-checkpoints");
            t.setDaemon(true);
            return t;
        });
        long millis = Math.max(100, poll.toMillis());
        timer.scheduleWithFixedDelay(this::tickQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Writes a checkpoint if one is due; returns it, or null. */
    synchronized Checkpoint tick() {
        ChainHead head = head();
        boolean grew = last == null ? head.seq() > 0 : head.seq() > last.seq();
        boolean due = last == null || head.seq() - last.seq() >= records
                || Duration.between(last.at(), Instant.now()).compareTo(every) >= 0;
        return grew && due ? write(head) : null;
    }

    /** Writes a checkpoint of the head now (at shutdown, and before a backup). */
    synchronized Checkpoint writeNow() {
        ChainHead head = head();
        return last != null && last.seq() == head.seq() && last.hash().equals(head.hash()) ? last : write(head);
    }

    private Checkpoint write(ChainHead head) {
        Checkpoint checkpoint = Checkpoints.of(node, head);
        checkpoints.write(checkpoint);
        last = checkpoint;
        LOG.info("chain checkpoint written: node {}, seq {}", node, head.seq());
        return checkpoint;
    }

    private ChainHead head() {
        return jdbc.queryForObject("SELECT seq, hash FROM disclosure_chain_head WHERE id = 1", ChainHead.ROW);
    }

    private void tickQuietly() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.warn("cannot write a chain checkpoint ({}); retrying", e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
        try {
            writeNow();
        } catch (RuntimeException e) {
            LOG.warn("cannot write the last chain checkpoint ({})", e.getClass().getSimpleName());
        }
    }
}

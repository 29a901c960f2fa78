package vn.gov.prefill.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The group commit's own rules, with a transaction that the test holds and fails at will: who goes in
 * which batch, who is withdrawn, and who pays for a failed batch.
 */
class GroupCommitTest {

    static final long LONG_WAIT = TimeUnit.SECONDS.toNanos(10);

    /** Every transaction the writer ran, in order: the request ids of its records. */
    final List<List<String>> transactions = Collections.synchronizedList(new ArrayList<>());
    final CountDownLatch firstTransactionStarted = new CountDownLatch(1);
    final CountDownLatch releaseFirst = new CountDownLatch(1);
    final List<int[]> batches = Collections.synchronizedList(new ArrayList<>());
    /** The prefills' request threads: each blocks until its batch is written. */
    final ExecutorService callers = Executors.newCachedThreadPool();
    long seq;
    GroupCommit commits;

    /** Holds the first transaction until released; refuses any transaction holding a record of request "BAD". */
    final Function<List<LoggedDisclosure>, Long> database = records -> {
        if (transactions.isEmpty()) {
            firstTransactionStarted.countDown();
            await(releaseFirst);
        }
        transactions.add(records.stream().map(LoggedDisclosure::requestId).toList());
        if (records.stream().anyMatch(r -> r.requestId().equals("BAD"))) {
            throw new AuditUnavailableException("refused", null);
        }
        synchronized (this) {
            seq += records.size();
            return seq;
        }
    };

    @AfterEach
    void close() {
        releaseFirst.countDown();
        commits.close(1000);
        callers.shutdownNow();
    }

    static List<LoggedDisclosure> prefill(String requestId, int records) {
        List<LoggedDisclosure> out = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            out.add(new LoggedDisclosure(0, Instant.now(), requestId, null, "027190001234", "027190001234", "self", null,
                    "criminal-record-request", null, null, null, "{}", "[]", null, null));
        }
        return out;
    }

    CompletableFuture<Long> appendAsync(String requestId, int records, long waitNanos) {
        return CompletableFuture.supplyAsync(() -> commits.append(prefill(requestId, records), waitNanos), callers);
    }

    @Test
    void prefillsArrivingWhileATransactionIsWrittenGoTogetherInTheNextOne() throws Exception {
        commits = new GroupCommit(database, 500, (prefills, records) -> batches.add(new int[] {prefills, records}));
        CompletableFuture<Long> first = appendAsync("R0", 3, LONG_WAIT);
        assertThat(firstTransactionStarted.await(5, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<Long>> waiting = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            waiting.add(appendAsync("R" + i, 2, LONG_WAIT));
        }
        awaitQueued(5); // all five behind the held transaction
        releaseFirst.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(3);
        List<Long> lastSeqs = new ArrayList<>();
        for (CompletableFuture<Long> w : waiting) {
            lastSeqs.add(w.get(5, TimeUnit.SECONDS));
        }
        assertThat(transactions).hasSize(2);
        assertThat(transactions.get(1)).hasSize(10).containsOnly("R1", "R2", "R3", "R4", "R5");
        assertThat(batches).extracting(b -> b[0] + "/" + b[1]).containsExactly("1/3", "5/10");
        // each prefill is told the seq of its own last record: 5, 7, …, 13 in the order the batch took them
        assertThat(lastSeqs).containsExactlyInAnyOrder(5L, 7L, 9L, 11L, 13L);
    }

    @Test
    void aBatchNeverTakesMoreRecordsThanItsLimitAndNeverSplitsAPrefill() throws Exception {
        commits = new GroupCommit(database, 5, (prefills, records) -> batches.add(new int[] {prefills, records}));
        CompletableFuture<Long> first = appendAsync("R0", 1, LONG_WAIT);
        assertThat(firstTransactionStarted.await(5, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<Long>> waiting = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            waiting.add(appendAsync("R" + i, 3, LONG_WAIT));
        }
        awaitQueued(4);
        releaseFirst.countDown();
        first.get(5, TimeUnit.SECONDS);
        for (CompletableFuture<Long> w : waiting) {
            w.get(5, TimeUnit.SECONDS);
        }

        // three records each, at most five a transaction: one prefill per transaction after the first
        assertThat(transactions).hasSize(5);
        assertThat(transactions.subList(1, 5)).allSatisfy(t -> assertThat(t).hasSize(3).containsOnly(t.get(0)));
    }

    @Test
    void aPrefillThatGivesUpBeforeItsBatchIsTakenIsNeverWritten() throws Exception {
        commits = new GroupCommit(database, 500, (prefills, records) -> { });
        CompletableFuture<Long> first = appendAsync("R0", 1, LONG_WAIT);
        assertThat(firstTransactionStarted.await(5, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> commits.append(prefill("LATE", 2), TimeUnit.MILLISECONDS.toNanos(100)))
                .isInstanceOf(AuditUnavailableException.class).hasMessageContaining("did not commit in time");
        CompletableFuture<Long> after = appendAsync("R1", 1, LONG_WAIT);
        awaitQueued(2); // the withdrawn LATE stays queued until a batch skips it, and R1 behind it
        releaseFirst.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(after.get(5, TimeUnit.SECONDS)).as("the withdrawn prefill took no seq").isEqualTo(2);
        assertThat(transactions).flatExtracting(t -> t).doesNotContain("LATE");
    }

    @Test
    void aFailedBatchIsRetriedOnePrefillAtATimeSoOnlyTheBadOneFails() throws Exception {
        commits = new GroupCommit(database, 500, (prefills, records) -> { });
        CompletableFuture<Long> first = appendAsync("R0", 1, LONG_WAIT);
        assertThat(firstTransactionStarted.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Long> good1 = appendAsync("G1", 2, LONG_WAIT);
        CompletableFuture<Long> bad = appendAsync("BAD", 2, LONG_WAIT);
        CompletableFuture<Long> good2 = appendAsync("G2", 2, LONG_WAIT);
        awaitQueued(3);
        releaseFirst.countDown();

        first.get(5, TimeUnit.SECONDS);
        assertThat(good1.get(5, TimeUnit.SECONDS)).isPositive();
        assertThat(good2.get(5, TimeUnit.SECONDS)).isPositive();
        assertThatThrownBy(() -> bad.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(AuditUnavailableException.class);
        assertThat(seq).as("only the good prefills' records were counted").isEqualTo(5);
        // the batch of three failed, then each prefill alone
        assertThat(transactions.get(1)).hasSize(6);
        assertThat(transactions.subList(2, transactions.size())).hasSize(3);
    }

    @Test
    void afterCloseAppendsAreRefusedAtOnce() {
        commits = new GroupCommit(database, 500, (prefills, records) -> { });
        releaseFirst.countDown();
        commits.append(prefill("R0", 1), LONG_WAIT);
        commits.close(1000);

        assertThatThrownBy(() -> commits.append(prefill("R1", 1), LONG_WAIT)).isInstanceOf(AuditUnavailableException.class)
                .hasMessageContaining("shutting down");
    }

    /**
     * Waits until {@code n} prefills wait in the group commit's queue: the order of events the test means, whatever
     * the machine's pace (a sleep would guess it). Read by reflection, so that audit/ gains no method for a test.
     */
    void awaitQueued(int n) throws Exception {
        Field field = GroupCommit.class.getDeclaredField("queue");
        field.setAccessible(true);
        Queue<?> queue = (Queue<?>) field.get(commits);
        long until = System.nanoTime() + LONG_WAIT;
        while (queue.size() < n) {
            assertThat(System.nanoTime()).as("%d prefills queued (%d are)", n, queue.size()).isLessThan(until);
            Thread.sleep(5);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package vn.gov.prefill.source;

import java.util.concurrent.CompletableFuture;

/** Reads one registry record about one subject; the future always completes, by the deadline at the latest. */
public interface RecordReader {
    CompletableFuture<SourceOutcome> read(String source, String key, String requestId, String purpose, long deadlineNanos);

    /** The same, through another route of the registry ({@code endpoint}, e.g. the representatives of a person). */
    CompletableFuture<SourceOutcome> read(String source, String endpoint, String key, String requestId, String purpose,
                                         long deadlineNanos);
}

package vn.gov.prefill.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import vn.gov.prefill.source.SourceOutcome;

/**
 * The registry reads of one request, keyed by {@code source|route|identifier}: a record read for one
 * purpose of the request (a rule) is not read again for another (a form's dry run). Never shared
 * between requests.
 */
public final class ReadCache {

    /** One call made: which registry, through which route (null: its own), about whom. */
    public record Call(String source, String endpoint, String id, CompletableFuture<SourceOutcome> outcome) { }

    private final Map<String, Call> calls = new LinkedHashMap<>();

    synchronized CompletableFuture<SourceOutcome> read(String source, String endpoint, String id,
                                                       Supplier<CompletableFuture<SourceOutcome>> call) {
        return calls.computeIfAbsent(source + "|" + endpoint + "|" + id, k -> new Call(source, endpoint, id, call.get())).outcome();
    }

    /** Every call made so far, in the order first asked for. */
    public synchronized List<Call> calls() {
        return Collections.unmodifiableList(new ArrayList<>(calls.values()));
    }
}

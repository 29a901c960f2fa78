package vn.gov.prefill.source;

import com.fasterxml.jackson.databind.JsonNode;

/** One read of one registry about one subject: the normalised record, or why there is none. */
public record SourceOutcome(String source, ReadStatus status, JsonNode record, long latencyMs, String reason) {

    public static SourceOutcome of(String source, ReadStatus status, long latencyMs, String reason) {
        return new SourceOutcome(source, status, null, latencyMs, reason);
    }

    public boolean hasRecord() {
        return status == ReadStatus.OK && record != null;
    }
}

package vn.gov.prefill.source;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Opens a JSON answer by the registry's own {@link Convention} (route bean {@code answerConvention}),
 * whose text the route puts in the exchange property {@code answerConvention}. Each text is parsed
 * once. Behind NDXP (the exchange carries the platform's token) a 401 is always the token expiring.
 */
@Component("answerConvention")
public class AnswerConvention implements Processor {

    /** The exchange property holding the convention's text. */
    public static final String PROPERTY = "answerConvention";

    private final ObjectMapper json;
    private final Map<String, Convention> parsed = new ConcurrentHashMap<>();

    AnswerConvention(ObjectMapper json) {
        this.json = json;
    }

    /** The convention of this text, parsed on first use; an unreadable text throws IllegalArgumentException. */
    public Convention convention(String text) {
        Convention known = parsed.get(text);
        return known != null ? known : parsed.computeIfAbsent(text, Convention::parse);
    }

    /** {@link #open}: {@code process: answerConvention} in a route, a plain call. */
    @Override
    public void process(Exchange exchange) throws Exception {
        open(exchange);
    }

    public void open(Exchange exchange) throws Exception {
        Convention convention = convention(AnswerSupport.required(exchange, PROPERTY));
        int status = AnswerSupport.httpStatus(exchange);
        if (exchange.getProperty(SourceFetcher.NDXP_TOKEN) != null) {
            AnswerSupport.rejectExpiredToken(status);
        }
        Convention.Outcome outcome = convention.forStatus(status);
        if (outcome != Convention.Outcome.OK) {
            settle(exchange, outcome, statusReason(exchange, status, outcome));
            return;
        }
        JsonNode answer = JsonAnswer.parse(json, AnswerSupport.bytes(exchange));
        Convention.FieldRule rule = convention.fieldRule(answer);
        if (rule != null && rule.outcome() != Convention.Outcome.OK) {
            settle(exchange, rule.outcome(), "HTTP " + status + " with " + rule.text());
            return;
        }
        JsonNode record = answer.at(convention.record());
        if (!record.isObject()) {
            throw new RegistryException.InvalidAnswer("HTTP " + status + " whose record is not a JSON object");
        }
        AnswerSupport.found(exchange, record);
    }

    private static void settle(Exchange exchange, Convention.Outcome outcome, String reason) throws RegistryException {
        switch (outcome) {
            case NOT_FOUND -> AnswerSupport.notFound(exchange);
            case REJECTED -> throw new RegistryException.Rejected(reason);
            case UNAVAILABLE -> throw new RegistryException.Unavailable(reason);
            default -> throw new RegistryException.InvalidAnswer(reason);
        }
    }

    private static String statusReason(Exchange exchange, int status, Convention.Outcome outcome) {
        return switch (outcome) {
            case REJECTED -> status == 429
                    ? "HTTP 429 over quota, Retry-After " + AnswerSupport.retryAfter(exchange) + " (not retried within the deadline)"
                    : "HTTP " + status + " (request refused)";
            case INVALID_RESPONSE -> "unexpected HTTP " + status;
            default -> "HTTP " + status;
        };
    }
}

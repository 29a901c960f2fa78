package vn.gov.prefill.source;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Opens a plain REST answer whose HTTP status is the outcome (route bean {@code restAnswer}):
 * 200 with a JSON object is the record, 404 is "not found", 400/401/403/429 are refusals (401 behind
 * NDXP is an expired token, refreshed and retried), 5xx is the registry failing.
 */
@Component("restAnswer")
public class RestAnswer {

    private final ObjectMapper json;

    RestAnswer(ObjectMapper json) {
        this.json = json;
    }

    /** @param ndxp whether the registry sits behind NDXP, where 401 means the gateway's token expired */
    public void open(Exchange exchange, boolean ndxp) throws Exception {
        int status = AnswerSupport.httpStatus(exchange);
        if (ndxp) {
            AnswerSupport.rejectExpiredToken(status);
        }
        switch (status) {
            case 200 -> {
                JsonNode record = JsonAnswer.parse(json, AnswerSupport.bytes(exchange));
                if (!record.isObject()) {
                    throw new RegistryException.InvalidAnswer("HTTP 200 whose body is not a JSON object");
                }
                AnswerSupport.found(exchange, record);
            }
            case 404 -> AnswerSupport.notFound(exchange);
            case 400, 401, 403 -> throw new RegistryException.Rejected("HTTP " + status + " (request refused)");
            case 429 -> throw new RegistryException.Rejected("HTTP 429 over quota, Retry-After "
                    + AnswerSupport.retryAfter(exchange) + " (not retried within the deadline)");
            default -> throw status >= 500 || status == 0
                    ? new RegistryException.Unavailable("HTTP " + status)
                    : new RegistryException.InvalidAnswer("unexpected HTTP " + status);
        }
    }
}

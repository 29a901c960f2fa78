package vn.gov.prefill.source;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Opens an LGSP envelope (route bean {@code lgspAnswer}): {@code status 1} gives {@code data};
 * {@code status 0} is "not found" with errorCode 404, a refusal with 106, a failure otherwise.
 */
@Component("lgspAnswer")
public class LgspAnswer {

    private final ObjectMapper json;

    LgspAnswer(ObjectMapper json) {
        this.json = json;
    }

    public void open(Exchange exchange) throws Exception {
        int status = AnswerSupport.httpStatus(exchange);
        AnswerSupport.rejectExpiredToken(status);
        if (status != 200) {
            throw new RegistryException.Unavailable("HTTP " + status);
        }
        JsonNode envelope = JsonAnswer.parse(json, AnswerSupport.bytes(exchange));
        JsonNode flag = envelope.get("status");
        if (flag == null || !flag.canConvertToInt()) {
            throw new RegistryException.InvalidAnswer("an LGSP envelope without a numeric status");
        }
        if (flag.asInt() == 1) {
            JsonNode data = envelope.get("data");
            if (data == null || data.isNull()) {
                throw new RegistryException.InvalidAnswer("status 1 without data");
            }
            AnswerSupport.found(exchange, data);
            return;
        }
        String errorCode = envelope.path("errorCode").asText("");
        switch (errorCode) {
            case "404" -> AnswerSupport.notFound(exchange);
            case "106" -> throw new RegistryException.Rejected("LGSP status 0, errorCode 106 (not authorised)");
            default -> throw new RegistryException.Unavailable("LGSP status 0, errorCode " + sanitise(errorCode));
        }
    }

    private static String sanitise(String code) {
        String clean = code.replaceAll("[^A-Za-z0-9_.-]", "");
        return clean.substring(0, Math.min(clean.length(), 16));
    }
}

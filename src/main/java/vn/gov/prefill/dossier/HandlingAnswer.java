package vn.gov.prefill.dossier;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;

import org.apache.camel.Exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What one delivery attempt came to (NATIONAL-SYSTEMS §6.1): received (201, or 200 for a key received
 * before) with the official code; refused for good (400, 422); or not received, to be tried again (429,
 * 5xx, a timeout, a reset, anything else). {@code kind} names the failure without any of the dossier's
 * content: what operators see and what is stored.
 */
record HandlingAnswer(Verdict verdict, String kind, String handlingCode, Duration retryAfter) {

    enum Verdict { RECEIVED, REFUSED, RETRY }

    static HandlingAnswer of(Exchange exchange, ObjectMapper json) {
        Throwable failure = exchange.getException();
        if (failure != null) {
            return retry(kindOf(failure), null);
        }
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (status == null) {
            return retry("NO_ANSWER", null);
        }
        if (status == 200 || status == 201) {
            String code = codeOf(exchange, json);
            return code == null ? retry("INVALID_RESPONSE", null) : new HandlingAnswer(Verdict.RECEIVED, "HTTP_" + status, code, null);
        }
        if (status == 400 || status == 422) {
            return new HandlingAnswer(Verdict.REFUSED, "HTTP_" + status + errorCode(exchange, json), null, null);
        }
        // 429 and 503 may say when to come back (Retry-After, in seconds)
        return retry("HTTP_" + status, retryAfter(exchange));
    }

    private static HandlingAnswer retry(String kind, Duration retryAfter) {
        return new HandlingAnswer(Verdict.RETRY, kind, null, retryAfter);
    }

    private static String kindOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
                return "TIMEOUT";
            }
            if (t instanceof java.net.ConnectException) {
                return "UNREACHABLE";
            }
            if (t instanceof SocketException || t.getClass().getSimpleName().equals("NoHttpResponseException")) {
                return "RESET";
            }
        }
        return "UNAVAILABLE";
    }

    private static JsonNode body(Exchange exchange, ObjectMapper json) {
        try {
            String text = exchange.getMessage().getBody(String.class);
            return text == null || text.isBlank() ? null : json.readTree(text);
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    private static String codeOf(Exchange exchange, ObjectMapper json) {
        JsonNode body = body(exchange, json);
        String code = body == null ? null : body.path("MaHoSo").asText(null);
        return code == null || code.isBlank() || code.length() > 64 ? null : code;
    }

    /** The handling system's error code ({@code MaLoi}), when it is a plain code: never its free text. */
    private static String errorCode(Exchange exchange, ObjectMapper json) {
        JsonNode body = body(exchange, json);
        String code = body == null ? null : body.path("MaLoi").asText(null);
        return code != null && code.matches("[A-Z0-9_]{1,40}") ? " " + code : "";
    }

    private static Duration retryAfter(Exchange exchange) {
        String value = exchange.getMessage().getHeader("Retry-After", String.class);
        try {
            return value == null ? null : Duration.ofSeconds(Math.min(Long.parseLong(value.trim()), 86_400));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

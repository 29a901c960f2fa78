package vn.gov.prefill.source;

import org.apache.camel.Exchange;

import com.fasterxml.jackson.databind.JsonNode;

/** What every registry answer handler needs: the HTTP status, the raw bytes, the outcome property. */
final class AnswerSupport {

    static final String OUTCOME = "sourceOutcome";

    private AnswerSupport() { }

    /** An exchange property the route must have set before this step: its absence is a route's bug, not the registry's. */
    static String required(Exchange exchange, String property) {
        String value = exchange.getProperty(property, String.class);
        if (value == null) {
            throw new IllegalStateException("the route set no exchange property " + property);
        }
        return value;
    }

    static int httpStatus(Exchange exchange) {
        Integer code = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        return code == null ? 0 : code;
    }

    static byte[] bytes(Exchange exchange) {
        byte[] body = exchange.getMessage().getBody(byte[].class);
        return body == null ? new byte[0] : body;
    }

    /** 401 from an NDXP-fronted registry comes before any envelope (contract §0.1). */
    static void rejectExpiredToken(int status) throws RegistryException.TokenRejected {
        if (status == 401) {
            throw new RegistryException.TokenRejected("HTTP 401 invalid_token");
        }
    }

    /** The record, as parsed: the body from here on is the JSON tree itself, never text to parse again. */
    static void found(Exchange exchange, JsonNode record) {
        exchange.setProperty(OUTCOME, ReadStatus.OK.name());
        exchange.getMessage().setBody(record);
    }

    static void notFound(Exchange exchange) {
        exchange.setProperty(OUTCOME, ReadStatus.NOT_FOUND.name());
        exchange.getMessage().setBody(null);
    }

    /** The registry's Retry-After, reduced to characters a log line can carry. */
    static String retryAfter(Exchange exchange) {
        String value = exchange.getMessage().getHeader("Retry-After", String.class);
        return value == null ? "absent" : value.replaceAll("[^0-9A-Za-z ,:]", "");
    }
}

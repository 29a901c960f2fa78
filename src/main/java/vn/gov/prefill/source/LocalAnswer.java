package vn.gov.prefill.source;

import org.apache.camel.Exchange;

import com.fasterxml.jackson.databind.JsonNode;

/** The answer of a source the gateway keeps itself (x-source {@code local}), set by its route's bean. */
public final class LocalAnswer {

    private LocalAnswer() { }

    public static void found(Exchange exchange, JsonNode record) {
        AnswerSupport.found(exchange, record);
    }

    public static void notFound(Exchange exchange) {
        AnswerSupport.notFound(exchange);
    }
}

package vn.gov.prefill.source;

import java.nio.charset.StandardCharsets;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;

/** Exchanges as camel-http leaves them after a registry answered: a status and the raw body. */
final class RegistryAnswers {

    private static final DefaultCamelContext CAMEL = new DefaultCamelContext();

    private RegistryAnswers() { }

    static Exchange exchange(int status, byte[] body) {
        Exchange exchange = new DefaultExchange(CAMEL);
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setBody(body);
        return exchange;
    }

    static Exchange exchange(int status, String body) {
        return exchange(status, body.getBytes(StandardCharsets.UTF_8));
    }
}

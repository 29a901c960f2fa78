package vn.gov.prefill.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Records of the mocks (mocks/__files) as the routes hand them to the mapper: the population registry's
 * SOAP answer opened by the gateway's own {@link SoapAnswer}, for benchmarks that start no Camel route.
 */
public final class MockRecords {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String POPULATION_RECORD = "TraCuuThongTinCongDanResponse/CongdanCollection/CongDan";

    private MockRecords() { }

    public static JsonNode population(Path soapAnswer) throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            Exchange exchange = new DefaultExchange(camel);
            exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
            exchange.getMessage().setBody(Files.readAllBytes(soapAnswer));
            new SoapAnswer(JSON).open(exchange, POPULATION_RECORD);
            String record = exchange.getMessage().getBody(String.class);
            if (record == null) {
                throw new IOException(soapAnswer + ": no population record in it");
            }
            return JSON.readTree(record);
        }
    }
}

package vn.gov.prefill.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Personal data that reaches a log call by mistake does not reach the log. */
class LogMaskingTest {

    @Test
    void personalNumbersTokensNamesAndStreetsAreMasked() {
        String line = LogMasking.mask("read 027190001234 (CMND 125123456) for NGUYỄN THỊ HOA at Số 8 đường Lý Thái Tổ, "
                + "Phường Kinh Bắc with Authorization: Bearer mock-ndxp-access-token and eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln "
                + "client_secret=mock-ndxp-secret; insurance says Trần Văn Bình");

        assertThat(line).doesNotContain("027190001234", "125123456", "NGUYỄN THỊ HOA", "Lý Thái Tổ", "mock-ndxp-access-token",
                "eyJhbGciOiJSUzI1NiJ9", "mock-ndxp-secret", "Trần Văn Bình");
        assertThat(line).contains("[personal-number]", "[id-number]", "[name]", "[address]", "Bearer [credential]", "[token]",
                "client_secret=[secret]");
    }

    @Test
    void ordinaryOperationalLinesAreLeftAlone() {
        String line = "prefill form=criminal-record-request fields=15/15 sources=population:OK(23ms) durationMs=41";
        assertThat(LogMasking.mask(line)).isEqualTo(line);
        String failure = "source business failed: UNAVAILABLE (LGSP status 0, errorCode 500)";
        assertThat(LogMasking.mask(failure)).isEqualTo(failure);
        String started = "Started PrefillGatewayApplication in 4.8 seconds";
        assertThat(LogMasking.mask(started)).isEqualTo(started);
    }

    @Test
    void theJsonLineCarriesTheRequestIdAndAMaskedMessageAndException() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger("vn.gov.prefill.test");
        LoggingEvent event = new LoggingEvent("x", logger, Level.WARN, "answer for {} was {}",
                new IllegalStateException("bad record of 027088004321"), new Object[] {"027190001234", "LÊ THỊ MAI"});
        event.setMDCPropertyMap(java.util.Map.of("requestId", "01JD0000000000000000000000"));
        event.setLoggerContext((LoggerContext) LoggerFactory.getILoggerFactory());

        String out = new MaskedJsonFormat().format(event);

        JsonNode json = new ObjectMapper().readTree(out);
        assertThat(json.get("level").asText()).isEqualTo("WARN");
        assertThat(json.get("requestId").asText()).isEqualTo("01JD0000000000000000000000");
        assertThat(json.get("message").asText()).isEqualTo("answer for [personal-number] was [name]");
        assertThat(json.at("/error/type").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(out).doesNotContain("027088004321", "027190001234", "LÊ THỊ MAI");
    }

    @Test
    void theJsonLineNamesTheRootCauseMasked() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger("vn.gov.prefill.test");
        Exception wrapped = new IllegalStateException("Error creating bean with name 'formCatalog'",
                new RuntimeException("Constructor threw exception",
                        new IllegalArgumentException("schemas/forms/x.schema.json: /x-form: bad value 027190001234")));
        LoggingEvent event = new LoggingEvent("x", logger, Level.ERROR, "Application run failed", wrapped, null);
        event.setLoggerContext((LoggerContext) LoggerFactory.getILoggerFactory());

        JsonNode json = new ObjectMapper().readTree(new MaskedJsonFormat().format(event));

        assertThat(json.at("/error/rootCause/type").asText()).isEqualTo("java.lang.IllegalArgumentException");
        assertThat(json.at("/error/rootCause/message").asText())
                .isEqualTo("schemas/forms/x.schema.json: /x-form: bad value [personal-number]");
    }
}

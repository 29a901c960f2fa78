package vn.gov.prefill.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** What one answer of the handling system means for the dossier (NATIONAL-SYSTEMS §6.1). */
class HandlingAnswerTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final DefaultCamelContext CAMEL = new DefaultCamelContext();

    static HandlingAnswer answer(int status, String body, String retryAfter) {
        Exchange exchange = new DefaultExchange(CAMEL);
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader("Retry-After", retryAfter);
        exchange.getMessage().setBody(body);
        return HandlingAnswer.of(exchange, JSON);
    }

    static HandlingAnswer failure(Exception e) {
        Exchange exchange = new DefaultExchange(CAMEL);
        exchange.setException(e);
        return HandlingAnswer.of(exchange, JSON);
    }

    @Test
    void receivedWithItsCodeOn201AndOnTheReplay200() {
        assertThat(answer(201, "{\"MaHoSo\": \"000.00.24.H04-261203-0001\", \"TrangThai\": \"DA_TIEP_NHAN\"}", null))
                .isEqualTo(new HandlingAnswer(HandlingAnswer.Verdict.RECEIVED, "HTTP_201", "000.00.24.H04-261203-0001", null));
        assertThat(answer(200, "{\"MaHoSo\": \"X-1\"}", null).verdict()).isEqualTo(HandlingAnswer.Verdict.RECEIVED);
    }

    @Test
    void aReceiptWithoutACodeIsNotAReceipt() {
        assertThat(answer(201, "{\"TrangThai\": \"DA_TIEP_NHAN\"}", null).kind()).isEqualTo("INVALID_RESPONSE");
        assertThat(answer(201, "<html>", null).verdict()).isEqualTo(HandlingAnswer.Verdict.RETRY);
    }

    @Test
    void refusedForGoodOn400And422NamingOnlyAPlainErrorCode() {
        assertThat(answer(422, "{\"MaLoi\": \"TTHC_KHONG_HO_TRO\", \"MoTa\": \"…\"}", null))
                .isEqualTo(new HandlingAnswer(HandlingAnswer.Verdict.REFUSED, "HTTP_422 TTHC_KHONG_HO_TRO", null, null));
        assertThat(answer(400, "{\"MaLoi\": \"Nguyễn Thị Hoa không hợp lệ\"}", null).kind()).isEqualTo("HTTP_400");
    }

    @Test
    void everythingElseIsTriedAgainHonouringRetryAfter() {
        assertThat(answer(429, "", "30")).isEqualTo(new HandlingAnswer(HandlingAnswer.Verdict.RETRY, "HTTP_429", null, Duration.ofSeconds(30)));
        assertThat(answer(503, "", "soon").retryAfter()).isNull();
        assertThat(answer(500, "", null).verdict()).isEqualTo(HandlingAnswer.Verdict.RETRY);
        assertThat(answer(401, "{\"error\": \"invalid_token\"}", null).verdict()).isEqualTo(HandlingAnswer.Verdict.RETRY);
        assertThat(failure(new SocketTimeoutException("Read timed out")).kind()).isEqualTo("TIMEOUT");
        assertThat(failure(new IllegalStateException("wrapped", new SocketException("Connection reset"))).kind()).isEqualTo("RESET");
        assertThat(failure(new java.net.ConnectException("Connection refused")).kind()).isEqualTo("UNREACHABLE");
    }
}

package vn.gov.prefill.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A registry's answer convention as configuration: statuses, answer fields and the record's place. */
class AnswerConventionTest {

    /** The REST templates' default: restAnswer's table. */
    static final String REST = "200 -> OK; 404 -> NOT_FOUND; 400 401 403 429 -> REJECTED";
    /** A registry that answers 200 for everything and says what happened in a field. */
    static final String KET_QUA = """
            200 -> OK
            /ketQua = LOI -> UNAVAILABLE
            /ketQua = KHONG_TIM_THAY -> NOT_FOUND
            /ketQua = TU_CHOI -> REJECTED
            /ketQua != THANH_CONG -> INVALID_RESPONSE
            record /duLieu
            """;

    private static final ObjectMapper JSON = new ObjectMapper();
    private final AnswerConvention answers = new AnswerConvention(JSON);

    private Exchange open(String convention, int status, String body) throws Exception {
        Exchange exchange = RegistryAnswers.exchange(status, body);
        exchange.setProperty(AnswerConvention.PROPERTY, convention);
        answers.open(exchange);
        return exchange;
    }

    private Exchange openBehindNdxp(String convention, int status, String body) throws Exception {
        Exchange exchange = RegistryAnswers.exchange(status, body);
        exchange.setProperty(AnswerConvention.PROPERTY, convention);
        exchange.setProperty(SourceFetcher.NDXP_TOKEN, "token");
        answers.open(exchange);
        return exchange;
    }

    @Test
    void aRecordIsTheWholeObjectByDefault() throws Exception {
        Exchange exchange = open(REST, 200, "{\"maSoBHXH\": \"0123456789\"}");

        assertThat(exchange.getProperty("sourceOutcome")).isEqualTo("OK");
        assertThat(JSON.readTree(exchange.getMessage().getBody(String.class)).path("maSoBHXH").asText()).isEqualTo("0123456789");
    }

    @ParameterizedTest
    @CsvSource({"400, REJECTED", "401, REJECTED", "403, REJECTED", "429, REJECTED", "500, UNAVAILABLE", "503, UNAVAILABLE",
            "0, UNAVAILABLE", "302, INVALID_RESPONSE", "418, INVALID_RESPONSE"})
    void theRestDefaultMapsStatusesAsRestAnswerDoes(int status, ReadStatus expected) {
        assertThatThrownBy(() -> open(REST, status, "<html>no</html>"))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.status()).isEqualTo(expected));
        assertThatThrownBy(() -> new RestAnswer(JSON).open(RegistryAnswers.exchange(status, "<html>no</html>"), false))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.status()).isEqualTo(expected));
    }

    @Test
    void notFoundLeavesNoBody() throws Exception {
        Exchange exchange = open(REST, 404, "{\"code\": \"NOT_FOUND\"}");

        assertThat(exchange.getProperty("sourceOutcome")).isEqualTo("NOT_FOUND");
        assertThat(exchange.getMessage().getBody()).isNull();
    }

    @Test
    void quotaNamesRetryAfterButNoData() {
        Exchange exchange = RegistryAnswers.exchange(429, "{}");
        exchange.setProperty(AnswerConvention.PROPERTY, REST);
        exchange.getMessage().setHeader("Retry-After", "30");

        assertThatThrownBy(() -> answers.open(exchange)).isInstanceOf(RegistryException.Rejected.class)
                .hasMessageContaining("Retry-After 30");
    }

    @Test
    void behindNdxpA401IsTheTokenExpiringWhateverTheConvention() {
        assertThatThrownBy(() -> openBehindNdxp(REST, 401, "")).isInstanceOf(RegistryException.TokenRejected.class);
        assertThatThrownBy(() -> openBehindNdxp("* -> UNAVAILABLE", 401, "")).isInstanceOf(RegistryException.TokenRejected.class);
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsInvalid() {
        assertThatThrownBy(() -> open(REST, 200, "[1, 2]")).isInstanceOf(RegistryException.InvalidAnswer.class);
        assertThatThrownBy(() -> open(REST, 200, "{\"truncated\": ")).isInstanceOf(RegistryException.InvalidAnswer.class);
        assertThatThrownBy(() -> open(REST, 200, "")).isInstanceOf(RegistryException.InvalidAnswer.class);
    }

    @Test
    void aFieldOfTheAnswerDecidesAndTheRecordIsWhereTheConventionSays() throws Exception {
        Exchange found = open(KET_QUA, 200, "{\"ketQua\": \"THANH_CONG\", \"duLieu\": {\"soThua\": \"12\"}}");
        assertThat(found.getProperty("sourceOutcome")).isEqualTo("OK");
        // the record stays the tree the handler parsed: nothing downstream parses it again
        assertThat(found.getMessage().getBody()).isInstanceOf(JsonNode.class).isEqualTo(JSON.readTree("{\"soThua\":\"12\"}"));

        assertThat(open(KET_QUA, 200, "{\"ketQua\": \"KHONG_TIM_THAY\"}").getProperty("sourceOutcome")).isEqualTo("NOT_FOUND");
        assertThatThrownBy(() -> open(KET_QUA, 200, "{\"ketQua\": \"LOI\", \"thongBao\": \"Lỗi hệ thống\"}"))
                .isInstanceOf(RegistryException.Unavailable.class)
                .hasMessage("HTTP 200 with /ketQua = LOI -> UNAVAILABLE");
        assertThatThrownBy(() -> open(KET_QUA, 200, "{\"ketQua\": \"TU_CHOI\"}")).isInstanceOf(RegistryException.Rejected.class);
        assertThatThrownBy(() -> open(KET_QUA, 200, "{\"khac\": 1}")).as("no ketQua at all")
                .isInstanceOf(RegistryException.InvalidAnswer.class);
        assertThatThrownBy(() -> open(KET_QUA, 200, "{\"ketQua\": \"THANH_CONG\"}")).as("no record where the convention says")
                .isInstanceOf(RegistryException.InvalidAnswer.class);
    }

    @Test
    void fieldsAreComparedAsTextSoNumbersAndStringsAlike() throws Exception {
        String lgspLike = "200 -> OK; * -> UNAVAILABLE; /errorCode = 404 -> NOT_FOUND; /status != 1 -> UNAVAILABLE; record /data";

        assertThat(open(lgspLike, 200, "{\"status\": 0, \"errorCode\": 404}").getProperty("sourceOutcome")).isEqualTo("NOT_FOUND");
        assertThat(open(lgspLike, 200, "{\"status\": 0, \"errorCode\": \"404\"}").getProperty("sourceOutcome")).isEqualTo("NOT_FOUND");
        assertThat(open(lgspLike, 200, "{\"status\": \"1\", \"data\": {}}").getProperty("sourceOutcome")).isEqualTo("OK");
        assertThatThrownBy(() -> open(lgspLike, 404, "")).as("* overrides the built-in fallback")
                .isInstanceOf(RegistryException.Unavailable.class);
    }

    @Test
    void fieldRulesApplyOnlyToAnswersWhoseStatusIsOk() throws Exception {
        String convention = "200 -> OK; 404 -> NOT_FOUND; /ketQua = LOI -> UNAVAILABLE";

        assertThat(open(convention, 404, "{\"ketQua\": \"LOI\"}").getProperty("sourceOutcome")).isEqualTo("NOT_FOUND");
    }

    @Test
    void exactStatusesWinOverClasses() throws Exception {
        String convention = "200 -> OK; 4xx -> REJECTED; 404 -> NOT_FOUND";

        assertThat(open(convention, 404, "").getProperty("sourceOutcome")).isEqualTo("NOT_FOUND");
        assertThatThrownBy(() -> open(convention, 410, "")).isInstanceOf(RegistryException.Rejected.class);
    }

    @Test
    void eachTextIsParsedOnce() {
        assertThat(answers.convention(KET_QUA)).isSameAs(answers.convention(new String(KET_QUA.toCharArray())));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "200 OK | expected '<status> -> <outcome>'",
            "200 -> FINE | 'FINE' is not one of OK, NOT_FOUND",
            "20x -> OK | '20x' is not an HTTP status",
            "/ketQua -> OK | expected '<pointer> = <value>'",
            "record duLieu | 'duLieu' is not a JSON Pointer"})
    void anUnreadableRuleIsNamed(String convention, String message) {
        assertThatThrownBy(() -> answers.convention(convention)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("convention rule '" + convention + "'").hasMessageContaining(message);
    }

    @Test
    void aRouteThatSetNoConventionIsAnError() {
        assertThatThrownBy(() -> answers.open(RegistryAnswers.exchange(200, "{}"))).isInstanceOf(IllegalStateException.class);
    }
}

package vn.gov.prefill.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The business registry's LGSP envelopes: status 1 gives data; status 0 is not found, a refusal or a failure. */
class LgspAnswerTest {

    private static final Path FILES = Path.of("mocks/__files/business");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LgspAnswer answer = new LgspAnswer(JSON);

    private static Exchange exchange(int status, byte[] body) {
        return RegistryAnswers.exchange(status, body);
    }

    private static Exchange exchange(int status, String body) {
        return RegistryAnswers.exchange(status, body);
    }

    private static Exchange fixture(String file) throws IOException {
        return exchange(200, Files.readAllBytes(FILES.resolve(file)));
    }

    private static JsonNode body(Exchange exchange) throws IOException {
        return JSON.readTree(exchange.getMessage().getBody(String.class));
    }

    // ---- status 1

    @Test
    void status1GivesTheDataObjectAsTheRecord() throws Exception {
        Exchange exchange = fixture("0100233488.json");

        answer.open(exchange);

        assertThat(exchange.getProperty("sourceOutcome")).isEqualTo("OK");
        JsonNode record = body(exchange);
        assertThat(record.has("status")).as("the envelope is dropped").isFalse();
        assertThat(record.path("MaSoDoanhNghiep").asText()).isEqualTo("0100233488");
        assertThat(record.path("VonDieuLe").asLong()).isEqualTo(5_000_000_000L);
        assertThat(record.path("DiaChiTruSo").path("MaPhuongXa").asText()).isEqualTo("09187");
        assertThat(record.path("DaiDienPhapLuat").get(0).path("SoGiayTo").asText()).isEqualTo("027088004321");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2401122337", "0101987657"})
    void everyEnterpriseFixtureOpensToItsOwnRecord(String code) throws Exception {
        Exchange exchange = fixture(code + ".json");

        answer.open(exchange);

        assertThat(exchange.getProperty("sourceOutcome")).isEqualTo("OK");
        assertThat(body(exchange).path("MaSoDoanhNghiep").asText()).isEqualTo(code);
    }

    @Test
    void status1WithAnArrayOfRepresentativesGivesTheArray() throws Exception {
        Exchange exchange = fixture("representatives-027088004321.json");

        answer.open(exchange);

        JsonNode list = body(exchange);
        assertThat(list.isArray()).isTrue();
        assertThat(list).extracting(n -> n.path("MaSoDoanhNghiep").asText()).containsExactly("0100233488", "2401122337");
    }

    @Test
    void status1WithAnEmptyArrayIsStillAnAnswer() throws Exception {
        Exchange exchange = fixture("representatives-empty.json");

        answer.open(exchange);

        assertThat(exchange.getProperty("sourceOutcome")).isEqualTo("OK");
        assertThat(body(exchange).isArray()).isTrue();
        assertThat(body(exchange)).isEmpty();
    }

    @Test
    void status1WithNullOrAbsentDataIsInvalid() {
        for (String envelope : new String[] {
                "{\"status\": 1, \"errorCode\": \"\", \"message\": \"Thành công\", \"data\": null}",
                "{\"status\": 1, \"errorCode\": \"\", \"message\": \"Thành công\"}"}) {
            RegistryException e = catchThrowableOfType(() -> answer.open(exchange(200, envelope)), RegistryException.InvalidAnswer.class);
            assertThat(e).as(envelope).isNotNull();
            assertThat(e.status()).isEqualTo(ReadStatus.INVALID_RESPONSE);
        }
    }

    // ---- status 0

    @Test
    void errorCode404IsNotFound() throws Exception {
        Exchange exchange = fixture("not-found.json");

        answer.open(exchange);

        assertThat(exchange.getProperty("sourceOutcome")).isEqualTo("NOT_FOUND");
        assertThat(exchange.getMessage().getBody()).isNull();
    }

    @Test
    void errorCode404AsANumberIsAlsoNotFound() throws Exception {
        Exchange exchange = exchange(200, "{\"status\": 0, \"errorCode\": 404, \"data\": null}");

        answer.open(exchange);

        assertThat(exchange.getProperty("sourceOutcome")).isEqualTo("NOT_FOUND");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0100666668.json", "missing-purpose.json"})
    void errorCode106IsARejection(String file) throws Exception {
        Exchange exchange = fixture(file);

        RegistryException e = catchThrowableOfType(() -> answer.open(exchange), RegistryException.Rejected.class);

        assertThat(e).isNotNull();
        assertThat(e.status()).isEqualTo(ReadStatus.REJECTED);
        assertThat(e.getMessage()).contains("106");
        assertThat(exchange.getProperty("sourceOutcome")).isNull();
    }

    @Test
    void errorCode500IsUnavailable() throws Exception {
        Exchange exchange = fixture("7900112238.json");

        RegistryException e = catchThrowableOfType(() -> answer.open(exchange), RegistryException.Unavailable.class);

        assertThat(e).isNotNull();
        assertThat(e.status()).isEqualTo(ReadStatus.UNAVAILABLE);
        assertThat(e.getMessage()).contains("errorCode 500");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "999", "TIMEOUT"})
    void anyOtherErrorCodeIsUnavailable(String code) {
        Exchange exchange = exchange(200, "{\"status\": 0, \"errorCode\": \"" + code + "\", \"data\": null}");

        assertThatThrownBy(() -> answer.open(exchange))
                .isInstanceOf(RegistryException.Unavailable.class)
                .hasMessageContaining("errorCode " + code);
    }

    @Test
    void aLongErrorCodeIsCutInTheMessage() {
        Exchange exchange = exchange(200, "{\"status\": 0, \"errorCode\": \"ABCDEFGHIJKLMNOPQRSTUVWXYZ\", \"data\": null}");

        assertThatThrownBy(() -> answer.open(exchange))
                .isInstanceOf(RegistryException.Unavailable.class)
                .hasMessageEndingWith("errorCode ABCDEFGHIJKLMNOP");
    }

    @ParameterizedTest
    @ValueSource(strings = {"E 1", "ERR-500 ", "Lỗi", "<b>500</b>"})
    void anErrorCodeWithStrangeCharactersIsUnavailableWithTheCharactersRemoved(String code) throws Exception {
        Exchange exchange = exchange(200, JSON.writeValueAsString(
                JSON.createObjectNode().put("status", 0).put("errorCode", code).putNull("data")));

        RegistryException e = catchThrowableOfType(() -> answer.open(exchange), RegistryException.Unavailable.class);

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).startsWith("LGSP status 0, errorCode ").doesNotContain(" 1").doesNotContain("<");
    }

    // ---- transport and shape

    @Test
    void http401IsARejectedToken() throws Exception {
        byte[] body = Files.readAllBytes(FILES.resolve("0100233488.json"));

        RegistryException e = catchThrowableOfType(() -> answer.open(exchange(401, body)), RegistryException.TokenRejected.class);

        assertThat(e).isNotNull();
        assertThat(e.status()).isEqualTo(ReadStatus.REJECTED);
    }

    @ParameterizedTest
    @ValueSource(ints = {502, 503, 504, 500})
    void a5xxWithoutAnEnvelopeIsUnavailable(int status) {
        RegistryException e = catchThrowableOfType(
                () -> answer.open(exchange(status, "<html><body>Service Unavailable</body></html>")), RegistryException.Unavailable.class);

        assertThat(e).isNotNull();
        assertThat(e.status()).isEqualTo(ReadStatus.UNAVAILABLE);
        assertThat(e.getMessage()).contains(String.valueOf(status));
    }

    @Test
    void aNon200StatusIsUnavailableEvenWithAGoodEnvelope() throws Exception {
        byte[] body = Files.readAllBytes(FILES.resolve("0100233488.json"));

        assertThatThrownBy(() -> answer.open(exchange(503, body))).isInstanceOf(RegistryException.Unavailable.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<html><body>OK</body></html>", "{\"status\": 1, \"data\": {", "not json at all", ""})
    void aBodyThatIsNotJsonIsInvalid(String body) {
        RegistryException e = catchThrowableOfType(() -> answer.open(exchange(200, body)), RegistryException.InvalidAnswer.class);

        assertThat(e).isNotNull();
        assertThat(e.status()).isEqualTo(ReadStatus.INVALID_RESPONSE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"errorCode\": \"\", \"data\": {}}", "{\"status\": \"one\", \"data\": {}}", "{\"status\": null}", "[1, 2]"})
    void anEnvelopeWithoutANumericStatusIsInvalid(String body) {
        assertThatThrownBy(() -> answer.open(exchange(200, body)))
                .isInstanceOf(RegistryException.InvalidAnswer.class);
    }
}

package vn.gov.prefill.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The population registry's SOAP answers: a record as JSON, "not found", or a typed failure. */
class SoapAnswerTest {

    private static final String RECORD = "TraCuuThongTinCongDanResponse/CongdanCollection/CongDan";
    private static final Path FILES = Path.of("mocks/__files/population");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SoapAnswer answer = new SoapAnswer(JSON);

    private static Exchange exchange(int status, byte[] body) {
        return RegistryAnswers.exchange(status, body);
    }

    private static Exchange exchange(int status, String body) {
        return RegistryAnswers.exchange(status, body);
    }

    private static Exchange fixture(int status, String file) throws IOException {
        return exchange(status, Files.readAllBytes(FILES.resolve(file)));
    }

    private JsonNode openRecord(Exchange exchange) throws Exception {
        answer.open(exchange, RECORD);
        assertThat(exchange.getProperty("sourceOutcome")).isEqualTo("OK");
        return JSON.readTree(exchange.getMessage().getBody(String.class));
    }

    private static String envelope(String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:dc="urn:vn:gov:csdldc:v1">
                  <soapenv:Body>%s</soapenv:Body>
                </soapenv:Envelope>
                """.formatted(body);
    }

    private static List<String> allFieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                names.add(e.getKey());
                names.addAll(allFieldNames(e.getValue()));
            });
        } else if (node.isArray()) {
            node.forEach(n -> names.addAll(allFieldNames(n)));
        }
        return names;
    }

    // ---- records

    @Test
    void aCompleteRecordBecomesJsonWithTheAgencysElementNames() throws Exception {
        JsonNode record = openRecord(fixture(200, "027190001234.xml"));

        assertThat(record.path("SoDinhDanh").asText()).isEqualTo("027190001234");
        assertThat(record.path("HoVaTen").isObject()).isTrue();
        assertThat(record.path("HoVaTen").path("Ho").asText()).isEqualTo("NGUYỄN");
        assertThat(record.path("HoVaTen").path("ChuDem").asText()).isEqualTo("THỊ");
        assertThat(record.path("HoVaTen").path("Ten").asText()).isEqualTo("HOA");
        assertThat(record.path("NgayThangNamSinh").path("NgayThangNam").asText()).isEqualTo("19900215");
        assertThat(record.path("NgayThangNamSinh").path("Nam").asText()).isEqualTo("1990");
        assertThat(record.path("GioiTinh").asText()).isEqualTo("2");
        assertThat(record.path("ThuongTru").path("ChiTiet").asText()).isEqualTo("Số 8 đường Lý Thái Tổ");
        assertThat(record.path("VoChong").path("HoVaTen").asText()).isEqualTo("TRẦN VĂN BÌNH");
        assertThat(record.path("NgayCapNhat").asText()).isEqualTo("2025-07-01T08:00:00+07:00");
    }

    @Test
    void codesKeepTheirLeadingZerosAsStrings() throws Exception {
        JsonNode record = openRecord(fixture(200, "027190001234.xml"));

        assertThat(record.path("DanToc").isTextual()).isTrue();
        assertThat(record.path("DanToc").asText()).isEqualTo("01");
        assertThat(record.path("TonGiao").asText()).isEqualTo("00");
        assertThat(record.path("ThuongTru").path("MaPhuongXa").asText()).isEqualTo("09187");
    }

    @Test
    void emptyElementsAreOmitted() throws Exception {
        JsonNode record = openRecord(fixture(200, "027190001234.xml"));

        assertThat(record.path("ThuongTru").has("MaQuanHuyen")).isFalse();
        assertThat(record.path("ThuongTru").path("MaTinhThanh").asText()).isEqualTo("24");
        assertThat(record.path("NoiDangKyKhaiSinh").has("MaQuanHuyen")).isFalse();
    }

    @Test
    void keysCarryNoNamespacePrefix() throws Exception {
        JsonNode record = openRecord(fixture(200, "027190001234.xml"));

        assertThat(allFieldNames(record)).isNotEmpty().noneMatch(name -> name.contains(":"));
        assertThat(record.has("dc:SoDinhDanh")).isFalse();
    }

    @Test
    void anOldThreeLevelRecordKeepsItsDistrictAndYearOnlyBirthDate() throws Exception {
        JsonNode record = openRecord(fixture(200, "020048000777.xml"));

        assertThat(record.path("SoDinhDanh").asText()).isEqualTo("020048000777");
        assertThat(record.path("ThuongTru").path("MaQuanHuyen").asText()).isEqualTo("183");
        assertThat(record.path("ThuongTru").path("MaTinhThanh").asText()).isEqualTo("20");
        assertThat(record.path("NgayThangNamSinh").path("NgayThangNam").asText()).isEqualTo("19480000");
        assertThat(record.has("Cha")).isFalse();
        assertThat(record.has("SoCMND")).isFalse();
    }

    @Test
    void anElementWithOnlyEmptyChildrenIsOmitted() throws Exception {
        JsonNode record = openRecord(exchange(200, envelope("""
                <dc:TraCuuThongTinCongDanResponse><dc:CongdanCollection><dc:CongDan>
                  <dc:SoDinhDanh>027190001234</dc:SoDinhDanh>
                  <dc:QueQuan><dc:MaTinhThanh/><dc:MaQuanHuyen>  </dc:MaQuanHuyen></dc:QueQuan>
                </dc:CongDan></dc:CongdanCollection></dc:TraCuuThongTinCongDanResponse>""")));

        assertThat(record.has("QueQuan")).isFalse();
        assertThat(record.path("SoDinhDanh").asText()).isEqualTo("027190001234");
    }

    @Test
    void repeatedElementsBecomeAnArray() throws Exception {
        JsonNode record = openRecord(exchange(200, envelope("""
                <dc:TraCuuThongTinCongDanResponse><dc:CongdanCollection><dc:CongDan>
                  <dc:SoDinhDanh>027190001234</dc:SoDinhDanh>
                  <dc:Con><dc:HoVaTen>A</dc:HoVaTen></dc:Con>
                  <dc:Con><dc:HoVaTen>B</dc:HoVaTen></dc:Con>
                  <dc:Con><dc:HoVaTen>C</dc:HoVaTen></dc:Con>
                </dc:CongDan></dc:CongdanCollection></dc:TraCuuThongTinCongDanResponse>""")));

        assertThat(record.path("Con").isArray()).isTrue();
        assertThat(record.path("Con")).extracting(n -> n.path("HoVaTen").asText()).containsExactly("A", "B", "C");
    }

    @Test
    void anEmptyCollectionIsNotFound() throws Exception {
        Exchange exchange = fixture(200, "empty.xml");

        answer.open(exchange, RECORD);

        assertThat(exchange.getProperty("sourceOutcome")).isEqualTo("NOT_FOUND");
        assertThat(exchange.getMessage().getBody()).isNull();
    }

    @Test
    void aBodyWithoutTheResponseElementIsInvalid() {
        Exchange exchange = exchange(200, envelope("<dc:SomethingElse/>"));

        RegistryException e = catchThrowableOfType(() -> answer.open(exchange, RECORD), RegistryException.InvalidAnswer.class);

        assertThat(e).isNotNull();
        assertThat(e.status()).isEqualTo(ReadStatus.INVALID_RESPONSE);
        assertThat(e.getMessage()).contains("TraCuuThongTinCongDanResponse");
    }

    @Test
    void wellFormedXmlThatIsNotASoapEnvelopeIsInvalid() {
        Exchange exchange = exchange(200, "<CongDan><SoDinhDanh>027190001234</SoDinhDanh></CongDan>");

        assertThatThrownBy(() -> answer.open(exchange, RECORD))
                .isInstanceOf(RegistryException.InvalidAnswer.class)
                .hasMessageContaining("not a SOAP envelope");
    }

    // ---- faults and transport failures

    @Test
    void aServerFaultIsUnavailable() throws Exception {
        Exchange exchange = fixture(500, "001090000002.xml");

        RegistryException e = catchThrowableOfType(() -> answer.open(exchange, RECORD), RegistryException.Unavailable.class);

        assertThat(e).isNotNull();
        assertThat(e.status()).isEqualTo(ReadStatus.UNAVAILABLE);
        assertThat(e.getMessage()).contains("soap:Server").contains("DC-500");
    }

    @Test
    void aClientFaultIsARejection() throws Exception {
        Exchange exchange = fixture(500, "fault-dc-400-missing-purpose.xml");

        RegistryException e = catchThrowableOfType(() -> answer.open(exchange, RECORD), RegistryException.Rejected.class);

        assertThat(e).isNotNull();
        assertThat(e.status()).isEqualTo(ReadStatus.REJECTED);
        assertThat(e.getMessage()).contains("soap:Client").contains("DC-400");
    }

    @Test
    void aFaultIsReadEvenWithStatus200() throws Exception {
        assertThatThrownBy(() -> answer.open(fixture(200, "fault-dc-400-missing-purpose.xml"), RECORD))
                .isInstanceOf(RegistryException.Rejected.class);
        assertThatThrownBy(() -> answer.open(fixture(200, "001090000002.xml"), RECORD))
                .isInstanceOf(RegistryException.Unavailable.class);
    }

    @Test
    void http401IsARejectedTokenWhateverTheBody() throws Exception {
        Exchange exchange = fixture(401, "027190001234.xml");

        RegistryException e = catchThrowableOfType(() -> answer.open(exchange, RECORD), RegistryException.TokenRejected.class);

        assertThat(e).isNotNull();
        assertThat(e.status()).isEqualTo(ReadStatus.REJECTED);
        assertThat(exchange.getProperty("sourceOutcome")).isNull();
    }

    @Test
    void http401WithAnEmptyBodyIsARejectedToken() {
        assertThatThrownBy(() -> answer.open(exchange(401, new byte[0]), RECORD))
                .isInstanceOf(RegistryException.TokenRejected.class);
    }

    @Test
    void truncatedXmlIsInvalid() throws Exception {
        byte[] whole = Files.readAllBytes(FILES.resolve("027190001234.xml"));
        byte[] half = java.util.Arrays.copyOf(whole, whole.length / 2);

        RegistryException e = catchThrowableOfType(() -> answer.open(exchange(200, half), RECORD), RegistryException.InvalidAnswer.class);

        assertThat(e).isNotNull();
        assertThat(e.status()).isEqualTo(ReadStatus.INVALID_RESPONSE);
    }

    @Test
    void anHtmlErrorPageWith502IsUnavailable() {
        String nginx = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
                + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

        assertThatThrownBy(() -> answer.open(exchange(502, nginx), RECORD))
                .isInstanceOf(RegistryException.Unavailable.class);
    }

    @Test
    void aWellFormedHtmlErrorPageWith503IsUnavailable() {
        String page = "<html><head><title>503 Service Unavailable</title></head><body><h1>Service Unavailable</h1></body></html>";

        assertThatThrownBy(() -> answer.open(exchange(503, page), RECORD))
                .isInstanceOf(RegistryException.Unavailable.class);
    }

    @Test
    void anEmptyBodyIsUnavailableOn5xxAndInvalidOtherwise() {
        assertThatThrownBy(() -> answer.open(exchange(503, new byte[0]), RECORD))
                .isInstanceOf(RegistryException.Unavailable.class);
        assertThatThrownBy(() -> answer.open(exchange(200, new byte[0]), RECORD))
                .isInstanceOf(RegistryException.InvalidAnswer.class);
    }

    @Test
    void aRecordWithANon200StatusAndNoFaultIsUnavailable() {
        assertThatThrownBy(() -> answer.open(fixture(500, "027190001234.xml"), RECORD))
                .isInstanceOf(RegistryException.Unavailable.class)
                .hasMessageContaining("without a SOAP fault");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // external entity
            """
            <?xml version="1.0"?>
            <!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>
            <TraCuuThongTinCongDanResponse><CongdanCollection><CongDan><SoDinhDanh>&xxe;</SoDinhDanh></CongDan></CongdanCollection></TraCuuThongTinCongDanResponse>
            </soapenv:Body></soapenv:Envelope>""",
            // internal entity expansion (billion laughs, shortened)
            """
            <?xml version="1.0"?>
            <!DOCTYPE lol [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>
            <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>
            <TraCuuThongTinCongDanResponse><CongdanCollection><CongDan><SoDinhDanh>&lol2;</SoDinhDanh></CongDan></CongdanCollection></TraCuuThongTinCongDanResponse>
            </soapenv:Body></soapenv:Envelope>"""
    })
    void aDoctypeIsRefusedAndNoEntityIsResolved(String body) {
        Exchange exchange = exchange(200, body);

        assertThatThrownBy(() -> answer.open(exchange, RECORD))
                .isInstanceOf(RegistryException.InvalidAnswer.class);
        assertThat(exchange.getProperty("sourceOutcome")).isNull();
        assertThat(exchange.getMessage().getBody(String.class)).doesNotContain("root:").doesNotContain("lollol");
    }

    @Test
    void failureMessagesNameNoPersonalData() {
        Exchange exchange = exchange(500, envelope("""
                <soapenv:Fault><faultcode>soapenv:Server</faultcode>
                  <faultstring>Lỗi khi tra cứu 027190001234 NGUYỄN THỊ HOA</faultstring>
                  <detail><MaLoi>DC-500</MaLoi></detail></soapenv:Fault>"""));

        assertThatThrownBy(() -> answer.open(exchange, RECORD))
                .isInstanceOf(RegistryException.Unavailable.class)
                .hasMessageContaining("DC-500")
                .hasMessageNotContaining("027190001234")
                .hasMessageNotContaining("NGUYỄN");
    }
}

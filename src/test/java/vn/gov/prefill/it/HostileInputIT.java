package vn.gov.prefill.it;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Malformed and hostile bodies, ids, paths and parameters: each is a 4xx problem naming the field
 * (errors[].pointer) and no registry hears of it (every registry call carries the request's
 * X-Request-Id: none may carry the refused request's).
 */
class HostileInputIT extends GatewayTestSupport {

    static final String SELF_FORM = "criminal-record-request";
    static final String ENTERPRISE_FORM = "enterprise-change-notice";
    static final String CHILD_FORM = "child-health-insurance";

    void assertNoRegistryCall(String requestId) {
        assertThat(requestId).as("X-Request-Id of the answer").isNotBlank();
        assertThat(mocks.findAll(anyRequestedFor(anyUrl()).withHeader("X-Request-Id", equalTo(requestId))))
                .as("registry calls made for a refused request").isEmpty();
    }

    /** A problem of this status, whose errors name {@code pointer}, with no registry call. */
    Answer refused(int status, String pointer, Supplier<Answer> call) {
        Answer a = call.get();
        HostileHttp.assertProblem(a.status(), a.contentType(), a.raw().body(), a.body(), status);
        if (pointer != null) {
            List<String> pointers = new ArrayList<>();
            a.body().path("errors").forEach(e -> pointers.add(e.path("pointer").asText(null)));
            assertThat(pointers).as("errors[].pointer of " + a.body()).contains(pointer);
        }
        a.raw().headers().firstValue("X-Request-Id").ifPresent(this::assertNoRegistryCall);
        return a;
    }

    static String child(String citizenId) {
        return "{\"actingFor\": {\"type\": \"CHILD\", \"citizenId\": " + quote(citizenId) + "}}";
    }

    static String enterprise(String code) {
        return "{\"actingFor\": {\"type\": \"ENTERPRISE\", \"enterpriseCode\": " + quote(code) + "}}";
    }

    static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- bodies

    @Test
    void unknownTopLevelPropertiesAre400WithTheirPointer() {
        String hoa = token("hoa");
        refused(400, "/evil", () -> prefill(SELF_FORM, hoa, "{\"evil\": true}"));
        refused(400, "/__proto__", () -> prefill(SELF_FORM, hoa, "{\"__proto__\": {\"admin\": true}}"));
        Answer two = refused(400, "/a", () -> prefill(SELF_FORM, hoa, "{\"a\": 1, \"consent\": {\"sources\": [\"population\"]}, \"b\": 2}"));
        assertThat(two.body().get("errors")).hasSize(2);
        refused(400, "/actingFor/role", () -> prefill(CHILD_FORM, hoa,
                "{\"actingFor\": {\"type\": \"CHILD\", \"citizenId\": \"027224009876\", \"role\": \"admin\"}}"));
        refused(400, "/consent/all", () -> prefill(SELF_FORM, hoa, "{\"consent\": {\"all\": true, \"sources\": []}}"));
    }

    @Test
    void pointersToOddPropertyNamesAreEscapedAsJsonPointers() {
        // RFC 6901: '/' is written ~1 and '~' is written ~0, or the pointer names another place
        refused(400, "/a~1b~0c", () -> prefill(SELF_FORM, token("hoa"), "{\"a/b~c\": 1}"));
    }

    @Test
    void actingForWithPathTraversalIs400() {
        refused(400, "/actingFor/enterpriseCode", () -> prefill(ENTERPRISE_FORM, token("binh"), actingForEnterprise("../../admin")));
        refused(400, "/actingFor/enterpriseCode", () -> prefill(ENTERPRISE_FORM, token("binh"), actingForEnterprise("0100233488/../../x")));
        refused(400, "/actingFor/enterpriseCode", () -> prefill(ENTERPRISE_FORM, token("binh"), actingForEnterprise("0100233488-001/..")));
        refused(400, "/actingFor/citizenId", () -> prefill(CHILD_FORM, token("hoa"), child("..%2f..%2f")));
        refused(400, "/actingFor/citizenId", () -> prefill(CHILD_FORM, token("hoa"), child("027224009876/../..")));
        refused(400, "/actingFor/citizenId", () -> prefill(CHILD_FORM, token("hoa"), child("027224009876%00")));
    }

    @Test
    void actingForWithXmlIs400() {
        String hoa = token("hoa");
        refused(400, "/actingFor/citizenId", () -> prefill(CHILD_FORM, hoa, child("<a/>")));
        refused(400, "/actingFor/citizenId", () -> prefill(CHILD_FORM, hoa, child("027224009876</dc:SoDinhDanh><x/>")));
        refused(400, "/actingFor/citizenId", () -> prefill(CHILD_FORM, hoa, child("<![CDATA[027224009876]]>")));
        refused(400, "/actingFor/enterpriseCode", () -> prefill(ENTERPRISE_FORM, token("binh"), enterprise("<a/>")));
        refused(400, "/actingFor/enterpriseCode", () -> prefill(ENTERPRISE_FORM, token("binh"), enterprise("0100233488\"}")));
        refused(400, "/actingFor/enterpriseCode", () -> prefill(ENTERPRISE_FORM, token("binh"), enterprise("0100233488</x>")));
    }

    @Test
    void identifiersThatOnlyLookRightAre400() {
        String hoa = token("hoa");
        for (String id : List.of("０２７２２４００９８７６", "٠٢٧٢٢٤٠٠٩٨٧٦", " 027224009876", "027224009876 ", "027224009876\n",
                "02722400987", "0272240098761", "", "027 224 009 876", "+27224009876")) {
            refused(400, "/actingFor/citizenId", () -> prefill(CHILD_FORM, hoa, child(id)));
        }
        refused(400, "/actingFor/citizenId", () -> prefill(CHILD_FORM, hoa, "{\"actingFor\": {\"type\": \"CHILD\", \"citizenId\": 27224009876}}"));
        refused(400, "/actingFor/citizenId", () -> prefill(CHILD_FORM, hoa, "{\"actingFor\": {\"type\": \"CHILD\", \"citizenId\": [\"027224009876\"]}}"));
        refused(400, "/actingFor/citizenId", () -> prefill(CHILD_FORM, hoa, "{\"actingFor\": {\"type\": \"CHILD\"}}"));
    }

    @Test
    void anEnterpriseCodeWithAWrongCheckDigitIs400WithTheReason() {
        String binh = token("binh");
        // 2401122337 is Bình's enterprise; every other last digit is wrong
        for (int d = 0; d <= 9; d++) {
            if (d == 7) {
                continue;
            }
            String code = "240112233" + d;
            Answer a = refused(400, "/actingFor/enterpriseCode", () -> prefill(ENTERPRISE_FORM, binh, actingForEnterprise(code)));
            assertThat(a.body().at("/errors/0/message").asText()).contains("check digit");
        }
        // the same for a branch of it
        Answer branch = refused(400, "/actingFor/enterpriseCode", () -> prefill(ENTERPRISE_FORM, binh, actingForEnterprise("2401122338-001")));
        assertThat(branch.body().at("/errors/0/message").asText()).contains("check digit");
        refused(400, "/actingFor/enterpriseCode", () -> prefill(ENTERPRISE_FORM, binh, actingForEnterprise("2401122337-000")));
        refused(400, "/actingFor/enterpriseCode", () -> prefill(ENTERPRISE_FORM, binh, actingForEnterprise("2401122337-1")));
    }

    @Test
    void aBodyThatIsNotAnObjectIs400AtTheRoot() {
        String hoa = token("hoa");
        for (String body : List.of("[]", "[{\"actingFor\": null}]", "42", "-1.5e308", "\"hello\"", "true")) {
            refused(400, "", () -> prefill(SELF_FORM, hoa, body));
        }
    }

    @Test
    void aNumberWhereAnObjectIsExpectedIs400AtThatPlace() {
        String hoa = token("hoa");
        refused(400, "/actingFor", () -> prefill(CHILD_FORM, hoa, "{\"actingFor\": 42}"));
        refused(400, "/actingFor", () -> prefill(CHILD_FORM, hoa, "{\"actingFor\": [\"CHILD\", \"027224009876\"]}"));
        refused(400, "/consent", () -> prefill(SELF_FORM, hoa, "{\"consent\": 7}"));
        refused(400, "/consent/sources", () -> prefill(SELF_FORM, hoa, "{\"consent\": {\"sources\": \"population\"}}"));
        refused(400, "/consent/sources/0", () -> prefill(SELF_FORM, hoa, "{\"consent\": {\"sources\": [1]}}"));
        refused(400, "/consent/sources/0", () -> prefill(SELF_FORM, hoa, "{\"consent\": {\"sources\": [\"../population\"]}}"));
        refused(400, "/actingFor/type", () -> prefill(CHILD_FORM, hoa, "{\"actingFor\": {\"type\": 5, \"citizenId\": \"027224009876\"}}"));
        refused(400, "/actingFor/type", () -> prefill(CHILD_FORM, hoa, "{\"actingFor\": {\"type\": \"child\", \"citizenId\": \"027224009876\"}}"));
    }

    @Test
    void deeplyNestedJsonIsA4xxProblemNeverA5xx() {
        String hoa = token("hoa");
        // each under the 16 KB body limit, so that the JSON parser itself meets the nesting
        List<String> bodies = List.of(
                "[".repeat(10_000),
                "[".repeat(8_000) + "]".repeat(8_000),
                "{\"a\":".repeat(2_500) + "1" + "}".repeat(2_500),
                "{\"actingFor\": " + "{\"type\":".repeat(1_500) + "null" + "}".repeat(1_500) + "}",
                "{\"consent\": {\"sources\": " + "[".repeat(7_000) + "]".repeat(7_000) + "}}",
                // within any nesting limit: still refused by the strict reading of the body
                "{\"x\": " + "[".repeat(500) + "]".repeat(500) + "}");
        for (String body : bodies) {
            assertThat(body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(16 * 1024);
            Answer a = prefill(SELF_FORM, hoa, body);
            assertThat(a.status()).as("nesting in " + body.length() + " chars: " + a.raw().body()).isEqualTo(400);
            HostileHttp.assertProblem(a.status(), a.contentType(), a.raw().body(), a.body(), a.status());
            assertThat(a.body().path("errors").isArray()).as("errors of " + a.raw().body()).isTrue();
            a.raw().headers().firstValue("X-Request-Id").ifPresent(this::assertNoRegistryCall);
        }
        // and the same nesting above the body limit is refused for its size
        Answer big = prefill(SELF_FORM, hoa, "[".repeat(20_000) + "]".repeat(20_000));
        HostileHttp.assertProblem(big.status(), big.contentType(), big.raw().body(), big.body(), 413);
    }

    @Test
    void aOneMegabyteBodyIs413() {
        // well-formed and acceptable but for its size, so that only a size limit can refuse it
        String body = "{\"consent\": {\"sources\": [\"population\"]}" + " ".repeat(1024 * 1024) + "}";
        refused(413, null, () -> prefill(SELF_FORM, token("hoa"), body));
        String garbage = "{\"x\": \"" + "a".repeat(1024 * 1024) + "\"}";
        refused(413, null, () -> prefill(SELF_FORM, token("hoa"), garbage));
    }

    @Test
    void xmlIs415() {
        String hoa = token("hoa");
        String soap = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><actingFor>&e;</actingFor>";
        for (String type : List.of("application/xml", "text/xml; charset=utf-8", "application/soap+xml")) {
            Answer a = refused(415, null, () -> call("POST", "/api/v1/forms/" + SELF_FORM + "/prefill", hoa, type, soap));
            assertThat(a.body().get("type").asText()).endsWith("/problems/unsupported-media-type");
        }
    }

    /** Each content type, with a JSON body, answered 415 as a problem; the findings name those that are not. */
    List<String> contentTypeFindings(List<String> types) {
        String hoa = token("hoa");
        List<String> findings = new ArrayList<>();
        for (String type : types) {
            Answer a = call("POST", "/api/v1/forms/" + SELF_FORM + "/prefill", hoa, type, "{}");
            try {
                refused(415, null, () -> a);
            } catch (AssertionError e) {
                findings.add("Content-Type: " + type + " -> " + a.status() + " " + a.body().path("type").asText());
            }
        }
        return findings;
    }

    @Test
    void wildcardContentTypesAre415() {
        assertThat(contentTypeFindings(List.of("*/*", "application/*", "application/*; charset=utf-8"))).isEmpty();
    }

    @Test
    void multipartContentTypesWithoutABoundaryAre415() {
        assertThat(contentTypeFindings(List.of("multipart/form-data", "multipart/mixed", "multipart/form-data; charset=utf-8")))
                .isEmpty();
        // even without a token, when the path is one the firewall refuses: the error dispatch parses the multipart body
        Answer anonymous = call("POST", "/api/v1/forms/%2e%2e/prefill", null, "multipart/form-data", "x");
        assertThat(anonymous.status()).as(anonymous.raw().body()).isBetween(400, 499);
        HostileHttp.assertProblem(anonymous.status(), anonymous.contentType(), anonymous.raw().body(), anonymous.body(), anonymous.status());
    }

    @Test
    void otherContentTypesAre415() {
        String hoa = token("hoa");
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "application/octet-stream", "text/html",
                "application/json; charset=nonsense", "nonsense", "application/", "/", "*/json",
                "multipart/form-data; boundary=xyz", "multipart/mixed; boundary=xyz")) {
            Answer a = call("POST", "/api/v1/forms/" + SELF_FORM + "/prefill", hoa, type, "{}");
            assertThat(a.status()).as(type).isIn(400, 415);
            refused(a.status(), null, () -> a);
        }
    }

    @Test
    void unknownHttpMethodsAreProblems() {
        String hoa = token("hoa");
        List<String> findings = new ArrayList<>();
        for (String method : List.of("TRACE", "PROPFIND", "FOO", "CONNECTX")) {
            Answer a = call(method, "/api/v1/forms/" + SELF_FORM + "/prefill", hoa, "application/json", null);
            try {
                assertThat(a.status()).isBetween(400, 499);
                HostileHttp.assertProblem(a.status(), a.contentType(), a.raw().body(), a.body(), a.status());
            } catch (AssertionError e) {
                findings.add(method + " -> " + a.status() + " '" + a.contentType() + "' " + HostileHttp.abbreviate(a.raw().body()));
            }
        }
        assertThat(findings).isEmpty();
    }

    @Test
    void doubleSlashesAreProblems() {
        String hoa = token("hoa");
        for (String path : List.of("/api/v1/forms//prefill", "/api/v1//forms/criminal-record-request/prefill",
                "//api/v1/forms/criminal-record-request/prefill")) {
            Answer a = call("POST", path, hoa, "application/json", "{}");
            assertThat(a.status()).as(path).isBetween(400, 499);
            HostileHttp.assertProblem(a.status(), a.contentType(), a.raw().body(), a.body(), a.status());
        }
    }

    // ---- ids in the path

    static final List<String> ODD_FORM_IDS = List.of(
            "..%2F", "..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f", "%00", "criminal-record-request%00",
            "f".repeat(500), "CRIMINAL-RECORD-REQUEST", "criminal-record-request%20", "%20criminal-record-request",
            "%C0%AE%C0%AE", "%FF", "%E2%80%AE", "t%E1%BB%9D-khai", "~", "$%7Bjndi:ldap:%2F%2Fevil%7D",
            "criminal-record-request%5C..%5C", "criminal-record-request..", "criminal-record-request:x", "criminal-record-request@x", "*");

    /** Refused by Spring Security's firewall (semicolon, encoded percent, line breaks, dot segments). */
    static final List<String> FIREWALL_FORM_IDS = List.of(
            "criminal-record-request;x=1", "criminal-record-request;jsessionid=abc", "criminal-record-request%3Bx=1", "%2500",
            "criminal-record-request%0A", "criminal-record-request%0D%0AX-Injected:%201", "..", ".", "%2e");

    List<String> oddFormIdFindings(List<String> ids) {
        String hoa = token("hoa");
        List<String> findings = new ArrayList<>();
        for (String id : ids) {
            for (String method : List.of("POST", "GET")) {
                String path = "/api/v1/forms/" + id + ("POST".equals(method) ? "/prefill" : "");
                Answer a = "POST".equals(method) ? call(method, path, hoa, "application/json", "{}") : call(method, path, null, null, null);
                String what = method + " " + path + " -> " + a.status() + " " + a.contentType() + " " + HostileHttp.abbreviate(a.raw().body());
                if (a.status() < 400 || a.status() >= 500) {
                    findings.add("not a 4xx: " + what);
                    continue;
                }
                try {
                    HostileHttp.assertProblem(a.status(), a.contentType(), a.raw().body(), a.body(), a.status());
                    a.raw().headers().firstValue("X-Request-Id").ifPresent(this::assertNoRegistryCall);
                } catch (AssertionError e) {
                    findings.add("not a problem: " + what + " (" + e.getMessage().lines().findFirst().orElse("") + ")");
                }
            }
        }
        return findings;
    }

    @Test
    void oddFormIdsAreA4xxProblemNeverA5xx() {
        assertThat(oddFormIdFindings(ODD_FORM_IDS)).as("odd form ids").isEmpty();
    }

    @Test
    void formIdsTheFirewallRefusesAreProblemsToo() {
        assertThat(oddFormIdFindings(FIREWALL_FORM_IDS)).as("form ids refused by the firewall").isEmpty();
    }

    @Test
    void rawBytesInTheRequestTargetAreA4xxProblem() {
        for (String target : List.of("/api/v1/forms/tờ-khai/prefill", "/api/v1/forms/a b/prefill", "/api/v1/forms/a\"b/prefill",
                "/api/v1/forms/<x>/prefill", "/api/v1/forms/a{b}/prefill", "/api/v1/forms/a|b/prefill", "/api/v1/forms/a\\b/prefill",
                "/api/v1/forms/%/prefill", "/api/v1/forms/%zz/prefill", "/api/v1/forms/\u0007/prefill")) {
            HostileHttp.Raw a = HostileHttp.send(port, "POST", target, List.<String[]>of(new String[] {"Content-Type", "application/json"}),
                    "{}".getBytes());
            assertThat(a.status()).as(target).isBetween(400, 499);
            HostileHttp.assertProblem(a.status(), a.contentType(), a.body(), a.json(), a.status());
        }
    }

    // ---- parameters

    @Test
    void disclosurePagingOutOfRangeIs400NamingTheParameter() {
        String hoa = token("hoa");
        refused(400, "page", () -> call("GET", "/api/v1/me/disclosures?page=-1", hoa, null, null));
        refused(400, "size", () -> call("GET", "/api/v1/me/disclosures?size=100000", hoa, null, null));
        Answer both = refused(400, "page", () -> call("GET", "/api/v1/me/disclosures?page=-1&size=100000", hoa, null, null));
        assertThat(both.body().findValuesAsText("pointer")).contains("page", "size");
        for (String query : List.of("page=abc", "page=2147483648", "page=1e3", "page=%00", "page=1;DROP%20TABLE%20x",
                "page=0x10", "page=")) {
            refused(400, "page", () -> call("GET", "/api/v1/me/disclosures?" + query, hoa, null, null));
        }
        for (String query : List.of("size=0", "size=-5", "size=101", "size=99999999999999999999", "size=NaN")) {
            refused(400, "size", () -> call("GET", "/api/v1/me/disclosures?" + query, hoa, null, null));
        }
    }

    @Test
    void theDisclosuresOfAnotherPersonCannotBeAskedFor() {
        // the endpoint is "me": a subject parameter is ignored or refused, never honoured
        Answer a = call("GET", "/api/v1/me/disclosures?subject=027088004321&citizenId=027088004321&size=100", token("lan"), null, null);
        assertThat(a.status()).isIn(200, 400);
        if (a.status() == 200) {
            JsonNode items = a.body().get("items");
            items.forEach(i -> assertThat(i.toString()).doesNotContain("027088004321"));
            Answer own = call("GET", "/api/v1/me/disclosures?size=100", token("lan"), null, null);
            assertThat(a.body().get("total")).isEqualTo(own.body().get("total"));
        }
        assertThat(a.raw().body()).doesNotContain("TRẦN VĂN BÌNH");
    }

    @Test
    void demoTokensRefuseHostileBodiesToo() {
        for (Map.Entry<String, String> c : Map.of(
                "[]", "/persona",
                "{\"persona\": \"hoa\", \"admin\": true}", "/admin",
                "{\"persona\": \"../hoa\"}", "/persona",
                "{\"citizenId\": \"<x/>\"}", "/citizenId",
                "{\"enterpriseCode\": \"0101987658\"}", "/enterpriseCode",
                "{\"persona\": \"hoa\", \"loa\": \"LoA9\"}", "/loa").entrySet()) {
            refused(400, c.getValue(), () -> call("POST", "/api/v1/demo/tokens", null, "application/json", c.getKey()));
        }
    }
}

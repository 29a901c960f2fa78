package vn.gov.prefill.it;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * Assisted filing at a one-stop desk: an officer's token acts only with the citizen's own token beside it
 * (X-Citizen-Authorization), both verified; what is read and filed is the citizen's, the desk is named in
 * the disclosure log, the dossier goes out as MOT_CUA with CanBoTiepNhan; every other combination of tokens
 * is refused before any registry hears of it.
 */
class DeskIT extends DossierTestSupport {

    static final String PREFILL = "/api/v1/forms/" + FORM + "/prefill";
    static final String HEADER = "X-Citizen-Authorization";

    static Map<String, String> citizenBeside(String token) {
        return Map.of(HEADER, "Bearer " + token);
    }

    List<LoggedRequest> registryCallsOf(Answer a) {
        String requestId = a.raw().headers().firstValue("X-Request-Id").orElseThrow();
        return mocks.findAll(anyRequestedFor(anyUrl()).withHeader("X-Request-Id", equalTo(requestId)));
    }

    /** A problem with this status and type, naming the header, and no registry called under its request id. */
    JsonNode refused(Answer a, int status, String slug) {
        assertThat(a.status()).as("%s", a.body()).isEqualTo(status);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.body().get("type").asText()).endsWith("/problems/" + slug);
        assertThat(a.body().get("errors").get(0).get("pointer").asText()).isEqualTo(HEADER);
        assertThat(registryCallsOf(a)).as("registry calls for a refused request").isEmpty();
        return a.body();
    }

    @Test
    void anOfficerAloneReadsNobodysDataAndIsToldToBringTheCitizensToken() {
        String officer = officerToken();
        refused(prefill(FORM, officer, null), 400, "citizen-authorization-required");
        for (String path : List.of("/api/v1/me/disclosures", "/api/v1/me/suggestions", "/api/v1/me/dossiers", "/api/v1/me/profile")) {
            JsonNode problem = refused(call("GET", path, officer, null, null), 400, "citizen-authorization-required");
            assertThat(problem.get("detail").asText()).contains(HEADER);
        }
        // the catalogue is nobody's data
        assertThat(call("GET", "/api/v1/forms", officer, null, null).status()).isEqualTo(200);
    }

    @Test
    void anOfficerWithTheCitizenBesideThemPrefillsTheCitizensFormAndTheCitizenSeesTheDesk() {
        String hoa = token("hoa");
        Answer a = call("POST", PREFILL, officerToken(), null, null, citizenBeside(hoa));
        assertThat(a.status()).as("%s", a.body()).isEqualTo(200);
        assertThat(a.body().at("/data/applicant/fullName").asText()).isEqualTo("NGUYỄN THỊ HOA");
        String requestId = a.raw().headers().firstValue("X-Request-Id").orElseThrow();

        // Hoa, alone at home, sees who read her data and where
        JsonNode mine = call("GET", "/api/v1/me/disclosures", hoa, null, null).body();
        JsonNode read = null;
        for (JsonNode item : mine.get("items")) {
            if (item.get("requestId").asText().equals(requestId) && item.get("readByYou").asBoolean()) {
                read = item;
            }
        }
        assertThat(read).as("Hoa's record of the desk's prefill").isNotNull();
        assertThat(read.at("/desk/officer").asText()).isEqualTo("CB.27.0042");
        assertThat(read.at("/desk/unit").asText()).isEqualTo("000.27.31.H09");
        assertThat(read.at("/desk/text").asText())
                .isEqualTo("tại Bộ phận Một cửa phường Kinh Bắc (000.27.31.H09), cán bộ CB.27.0042");
        // her own prefills name no desk
        String own = prefill(FORM, hoa, null).raw().headers().firstValue("X-Request-Id").orElseThrow();
        JsonNode again = call("GET", "/api/v1/me/disclosures", hoa, null, null).body();
        again.get("items").forEach(item -> {
            if (item.get("requestId").asText().equals(own)) {
                assertThat(item.has("desk")).isFalse();
            }
        });
        // suggestions at the desk are Hoa's, and their reads name the desk too
        Answer suggested = call("GET", "/api/v1/me/suggestions", officerToken(), null, null, citizenBeside(hoa));
        assertThat(suggested.status()).as("%s", suggested.body()).isEqualTo(200);
        String suggestionRequest = suggested.raw().headers().firstValue("X-Request-Id").orElseThrow();
        boolean named = false;
        for (JsonNode item : call("GET", "/api/v1/me/disclosures?size=100", hoa, null, null).body().get("items")) {
            if (item.get("requestId").asText().equals(suggestionRequest)) {
                assertThat(item.at("/desk/unit").asText()).isEqualTo("000.27.31.H09");
                named = true;
            }
        }
        assertThat(named).as("the suggestions' reads in Hoa's disclosures").isTrue();
        // the chain of the log still verifies with records of both kinds
        Answer chain = call("GET", "/actuator/auditchain?full=true", operatorToken(), null, null);
        assertThat(chain.status()).isEqualTo(200);
        assertThat(chain.body().get("valid").asBoolean()).as("%s", chain.body()).isTrue();
    }

    @Test
    void aDossierFiledAtTheDeskGoesOutAsMotCuaWithTheOfficerAndShowsTheDeskToTheCitizen() throws Exception {
        String hoa = token("hoa");
        String officer = officerToken();
        Answer prefill = call("POST", PREFILL, officer, null, null, citizenBeside(hoa));
        ObjectNode data = completed(prefill);
        Answer filed = file(officer, data, prefill.body().get("prefillToken").asText(), null, citizenBeside(hoa));
        assertThat(filed.status()).as("%s", filed.body()).isEqualTo(201);
        String id = filed.body().get("dossierId").asText();

        List<LoggedRequest> received = awaitReceived(id, 1);
        assertThat(received).hasSize(1);
        JsonNode body = JSON.readTree(received.get(0).getBodyAsString());
        assertThat(body.get("KenhNop").asText()).isEqualTo("MOT_CUA");
        assertThat(body.at("/CanBoTiepNhan/MaCanBo").asText()).isEqualTo("CB.27.0042");
        assertThat(body.at("/CanBoTiepNhan/MaDonVi").asText()).isEqualTo("000.27.31.H09");
        assertThat(body.at("/NguoiNop/SoDinhDanh").asText()).isEqualTo(HOA);

        // Hoa's own list shows it as hers, filed at the desk
        JsonNode dossier = dossier(id, hoa);
        assertThat(dossier.get("channel").asText()).isEqualTo("DESK");
        assertThat(dossier.at("/desk/unit").asText()).isEqualTo("000.27.31.H09");
        assertThat(dossier.at("/desk/unitName").asText()).isEqualTo("Bộ phận Một cửa phường Kinh Bắc");
        assertThat(dossier.at("/desk/officer").asText()).isEqualTo("CB.27.0042");

        // online, the same person's dossier goes out as TRUC_TUYEN with no officer
        Filed alone = fileAsHoa(null);
        JsonNode online = JSON.readTree(awaitReceived(alone.id(), 1).get(0).getBodyAsString());
        assertThat(online.get("KenhNop").asText()).isEqualTo("TRUC_TUYEN");
        assertThat(online.get("CanBoTiepNhan").isNull()).isTrue();
        assertThat(dossier(alone.id(), alone.token()).get("channel").asText()).isEqualTo("ONLINE");
    }

    @Test
    void twoOfficersAreRefused() {
        String other = token(Map.of("officer", true, "officerCode", "CB.27.0099"));
        JsonNode problem = refused(call("POST", PREFILL, officerToken(), null, null, citizenBeside(other)), 403, "not-a-citizen");
        assertThat(problem.get("detail").asText()).contains("officer");
    }

    @Test
    void anOperatorsTokenIsNotTheCitizens() {
        refused(call("POST", PREFILL, officerToken(), null, null, citizenBeside(operatorToken())), 403, "not-a-citizen");
    }

    @Test
    void aCitizenTokenIsNeverAnOfficers() {
        // Hoa's token cannot act for Bình, whatever the header says
        JsonNode problem = refused(call("POST", PREFILL, token("hoa"), null, null, citizenBeside(token("binh"))), 403, "not-an-officer");
        assertThat(problem.get("detail").asText()).contains("not an officer's");
        refused(call("GET", "/api/v1/me/disclosures", token("hoa"), null, null, citizenBeside(token("binh"))), 403, "not-an-officer");
    }

    @Test
    void anExpiredCitizenAuthorisationIs401() {
        String expired = token(Map.of("persona", "hoa", "expiresInSeconds", -600));
        JsonNode problem = refused(call("POST", PREFILL, officerToken(), null, null, citizenBeside(expired)), 401, "citizen-unauthenticated");
        assertThat(problem.get("detail").asText()).contains(HEADER).containsIgnoringCase("expired");
    }

    @Test
    void aCitizenAuthorisationForAnotherAudienceIs401() {
        String elsewhere = token(Map.of("persona", "hoa", "audience", "another-gateway"));
        JsonNode problem = refused(call("POST", PREFILL, officerToken(), null, null, citizenBeside(elsewhere)), 401, "citizen-unauthenticated");
        assertThat(problem.get("detail").asText()).contains("audience");
    }

    @Test
    void aMalformedOrRepeatedCitizenAuthorisationIsRefused() {
        String officer = officerToken();
        refused(call("POST", PREFILL, officer, null, null, Map.of(HEADER, token("hoa"))), 401, "citizen-unauthenticated");
        refused(call("POST", PREFILL, officer, null, null, Map.of(HEADER, "Bearer not.a.token")), 401, "citizen-unauthenticated");
    }

    @Test
    void theFormsLevelOfAssuranceAppliesToTheCitizensToken() {
        Answer a = call("POST", PREFILL, officerToken(), null, null, citizenBeside(token(Map.of("persona", "hoa", "loa", "LoA1"))));
        assertThat(a.status()).as("%s", a.body()).isEqualTo(403);
        assertThat(registryCallsOf(a)).isEmpty();
    }

    @Test
    void anOfficerTokenThatNamesNoDeskIs401() {
        Map<String, Object> claims = new HashMap<>();
        claims.put("roles", List.of("OFFICER"));
        claims.put("MaDonVi", "000.27.31.H09");
        String noOfficerCode = idp.sign(claims, "prefill-gateway", 300);
        Answer a = call("POST", PREFILL, noOfficerCode, null, null, citizenBeside(token("hoa")));
        assertThat(a.status()).as("%s", a.body()).isEqualTo(401);
        assertThat(a.body().get("detail").asText()).contains("MaCanBo");
        assertThat(registryCallsOf(a)).isEmpty();
    }

    @Test
    void officersAndCitizensAreRefusedTheOperatorsEndpoints() {
        for (String path : List.of("/api/v1/admin/indicators", "/api/v1/admin/ratings", "/api/v1/admin/dossiers")) {
            assertThat(statusOf(path, officerToken())).as(path).isEqualTo(403);
            assertThat(statusOf(path, token("hoa"))).as(path).isEqualTo(403);
            assertThat(statusOf(path, null)).as(path).isEqualTo(401);
            assertThat(statusOf(path, operatorToken())).as(path).isEqualTo(200);
        }
    }
}

package vn.gov.prefill.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The OpenAPI document a front-end developer generates a client from: request bodies typed to the
 * contract's property names, every status an enum, every refusal a problem document, the public
 * endpoints public, and Swagger UI to try it.
 */
class OpenApiDocumentIT extends GatewayTestSupport {

    static final String PROBLEM_JSON = "application/problem+json";

    JsonNode doc;

    @BeforeEach
    void fetchTheDocument() {
        Answer a = call("GET", "/v3/api-docs", null, null, null);
        assertThat(a.status()).isEqualTo(200);
        doc = a.body();
    }

    /** The schema {@code schema} stands for, following $refs into the components. */
    JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int hops = 0; s.has("$ref"); hops++) {
            assertThat(hops).as("a $ref cycle at %s", s).isLessThan(10);
            String ref = s.get("$ref").asText();
            assertThat(ref).startsWith("#/components/schemas/");
            s = doc.at(ref.substring(1));
            assertThat(s.isMissingNode()).as("%s resolves", ref).isFalse();
        }
        return s;
    }

    JsonNode operation(String method, String path) {
        JsonNode op = doc.path("paths").path(path).path(method);
        assertThat(op.isMissingNode()).as("%s %s is documented", method, path).isFalse();
        return op;
    }

    JsonNode requestSchema(String method, String path) {
        return resolve(operation(method, path).at("/requestBody/content/application~1json/schema"));
    }

    static Set<String> names(JsonNode node) {
        Set<String> out = new TreeSet<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    @Test
    void isOpenApi31() {
        assertThat(doc.get("openapi").asText()).startsWith("3.1");
    }

    @Test
    void thePrefillBodyHasActingForAsOneOfChildOrEnterpriseAndConsentSources() {
        JsonNode body = requestSchema("post", "/api/v1/forms/{formId}/prefill");
        assertThat(names(body.get("properties"))).containsExactly("actingFor", "consent");
        assertThat(body.get("additionalProperties").asBoolean(true)).as("unknown properties are refused").isFalse();

        JsonNode actingFor = resolve(body.at("/properties/actingFor"));
        assertThat(actingFor.at("/discriminator/propertyName").asText()).isEqualTo("type");
        assertThat(names(actingFor.at("/discriminator/mapping"))).containsExactly("CHILD", "ENTERPRISE");
        assertThat(actingFor.get("oneOf")).hasSize(2);
        JsonNode child = resolve(doc.at("/components/schemas").path(
                actingFor.at("/discriminator/mapping/CHILD").asText().replace("#/components/schemas/", "")));
        JsonNode enterprise = resolve(doc.at("/components/schemas").path(
                actingFor.at("/discriminator/mapping/ENTERPRISE").asText().replace("#/components/schemas/", "")));
        List<JsonNode> alternatives = new ArrayList<>();
        actingFor.get("oneOf").forEach(o -> alternatives.add(resolve(o)));
        assertThat(alternatives).containsExactlyInAnyOrder(child, enterprise);

        assertThat(names(child.get("properties"))).containsExactly("citizenId", "type");
        assertThat(texts(child.at("/properties/type/enum"))).containsExactly("CHILD");
        assertThat(texts(child.get("required"))).containsExactlyInAnyOrder("type", "citizenId");
        assertThat(names(enterprise.get("properties"))).containsExactly("enterpriseCode", "type");
        assertThat(texts(enterprise.at("/properties/type/enum"))).containsExactly("ENTERPRISE");
        assertThat(texts(enterprise.get("required"))).containsExactlyInAnyOrder("type", "enterpriseCode");

        JsonNode consent = resolve(body.at("/properties/consent"));
        assertThat(names(consent.get("properties"))).containsExactly("sources");
        assertThat(consent.at("/properties/sources/type").asText()).isEqualTo("array");
        assertThat(consent.at("/properties/sources/items/type").asText()).isEqualTo("string");
    }

    @Test
    void theFilingBodyTakesDeclareAndAttachmentsByReferenceAndThePrefillAnswersAttachments() {
        JsonNode body = requestSchema("post", "/api/v1/forms/{formId}/dossiers");
        assertThat(names(body.get("properties"))).containsExactly("attachments", "data", "declare", "prefillToken");
        assertThat(texts(body.get("required"))).containsExactlyInAnyOrder("data", "prefillToken");
        assertThat(body.get("additionalProperties").asBoolean(true)).as("unknown properties are refused").isFalse();
        JsonNode reference = resolve(body.at("/properties/attachments/additionalProperties"));
        assertThat(names(reference.get("properties"))).containsExactly("documentRef");
        assertThat(texts(reference.get("required"))).containsExactly("documentRef");

        JsonNode answer = resolve(operation("post", "/api/v1/forms/{formId}/prefill").at("/responses/200/content/application~1json/schema"));
        JsonNode document = resolve(answer.at("/properties/attachments/additionalProperties/items"));
        assertThat(names(document.get("properties"))).containsExactly("documentRef", "issuedBy", "issuedOn", "source", "title");
        assertThat(texts(document.get("required"))).containsExactlyInAnyOrder("documentRef", "source");
    }

    @Test
    void theSubmissionBodyHasDataAndPrefillToken() {
        JsonNode body = requestSchema("post", "/api/v1/forms/{formId}/submissions");
        assertThat(names(body.get("properties"))).containsExactly("data", "prefillToken");
        assertThat(texts(body.get("required"))).containsExactlyInAnyOrder("data", "prefillToken");
        JsonNode data = resolve(body.at("/properties/data"));
        assertThat(data.get("type").asText()).isEqualTo("object");
        assertThat(data.get("description").asText()).contains("GET /api/v1/forms/{formId}");
        JsonNode prefilled = resolve(operation("post", "/api/v1/forms/{formId}/prefill")
                .at("/responses/200/content/application~1json/schema")).at("/properties/data");
        assertThat(prefilled.path("$ref").asText()).as("a prefill's data and a submission's are one schema")
                .isEqualTo(body.at("/properties/data/$ref").asText()).isNotEmpty();
        assertThat(resolve(doc.at("/components/schemas/Address")).get("properties").has("communeCode")).isTrue();
    }

    @Test
    void theDemoTokenBodyNamesWhatTheControllerReads() {
        JsonNode body = requestSchema("post", "/api/v1/demo/tokens");
        assertThat(names(body.get("properties"))).contains("persona", "citizenId", "enterpriseCode", "loa", "audience", "expiresInSeconds",
                "operator", "officer", "officerCode", "unitCode", "unitName", "signedInSecondsAgo");
        assertThat(texts(body.at("/properties/loa/enum"))).containsExactly("LoA1", "LoA2");
        JsonNode answer = resolve(operation("post", "/api/v1/demo/tokens").at("/responses/200/content/application~1json/schema"));
        assertThat(names(answer.get("properties"))).containsExactlyInAnyOrder("access_token", "token_type", "expires_in", "persona",
                "roles", "desk");
    }

    @Test
    void everyPersonsEndpointTakesTheCitizensTokenAtADeskAndTheVerdictIsDocumented() {
        for (String[] op : new String[][] {{"post", "/api/v1/forms/{formId}/prefill"}, {"post", "/api/v1/forms/{formId}/dossiers"},
                {"get", "/api/v1/me/disclosures"}, {"post", "/api/v1/me/dossiers/{dossierId}/rating"}}) {
            JsonNode operation = operation(op[0], op[1]);
            List<String> headers = new java.util.ArrayList<>();
            operation.path("parameters").forEach(p -> headers.add(p.path("name").asText()));
            assertThat(headers).as("%s %s", op[0], op[1]).contains("X-Citizen-Authorization");
            assertThat(operation.at("/responses/400/description").asText()).contains("citizen-authorization-required");
            assertThat(operation.at("/responses/403/description").asText()).contains("not-an-officer", "not-a-citizen");
        }
        assertThat(operation("get", "/api/v1/forms").path("parameters").toString()).doesNotContain("X-Citizen-Authorization");
        JsonNode rating = requestSchema("post", "/api/v1/me/dossiers/{dossierId}/rating");
        assertThat(names(rating.get("properties"))).containsExactlyInAnyOrder("stage", "score", "items", "comment");
        assertThat(operation("post", "/api/v1/me/dossiers/{dossierId}/rating").at("/responses/409/description").asText())
                .contains("already-rated", "result-not-ready");
        assertThat(operation("get", "/api/v1/admin/ratings").at("/responses/403/description").asText()).contains("forbidden");
    }

    @Test
    void everyStatusIsAnEnum() {
        JsonNode prefill = resolve(operation("post", "/api/v1/forms/{formId}/prefill").at("/responses/200/content/application~1json/schema"));
        JsonNode field = resolve(prefill.at("/properties/fields/additionalProperties"));
        assertThat(texts(resolve(field.at("/properties/status")).get("enum")))
                .containsExactly("PREFILLED", "EMPTY", "SOURCE_FAILED", "NOT_CONSENTED", "CONFLICT");
        assertThat(texts(resolve(field.at("/properties/flags/items")).get("enum"))).contains("ID_SEX_MISMATCH", "ID_BIRTH_YEAR_MISMATCH");
        JsonNode source = resolve(prefill.at("/properties/sources/additionalProperties"));
        List<String> sourceStatuses = List.of("OK", "NOT_FOUND", "TIMEOUT", "UNAVAILABLE", "REJECTED", "INVALID_RESPONSE",
                "NOT_CONSENTED", "SKIPPED");
        assertThat(texts(resolve(source.at("/properties/status")).get("enum"))).containsExactlyElementsOf(sourceStatuses);
        assertThat(texts(resolve(resolve(source.at("/properties/reads/items")).at("/properties/status")).get("enum")))
                .containsExactlyElementsOf(sourceStatuses);
        JsonNode disclosure = resolve(resolve(operation("get", "/api/v1/me/disclosures")
                .at("/responses/200/content/application~1json/schema")).at("/properties/items/items"));
        assertThat(texts(resolve(disclosure.at("/properties/sources/additionalProperties")).get("enum"))).containsExactlyElementsOf(sourceStatuses);
        assertThat(texts(resolve(disclosure.at("/properties/actingFor")).get("enum"))).containsExactly("CHILD", "ENTERPRISE");
        JsonNode form = resolve(operation("get", "/api/v1/forms").at("/responses/200/content/application~1json/schema/items"));
        assertThat(texts(resolve(form.at("/properties/actingFor/items")).get("enum"))).containsExactly("CHILD", "ENTERPRISE");
    }

    @Test
    void refusalsAreProblemDocumentsOnTheOperationsThatAnswerThem() {
        Map<String, List<String>> expected = Map.of(
                "post /api/v1/forms/{formId}/prefill", List.of("400", "401", "403", "404", "413", "415", "429", "503"),
                "post /api/v1/forms/{formId}/submissions", List.of("400", "401", "403", "404", "413", "415", "422", "429"),
                "get /api/v1/me/disclosures", List.of("400", "401", "429", "503"),
                "get /api/v1/forms/{formId}", List.of("404"),
                "post /api/v1/demo/tokens", List.of("400", "404", "413", "415"),
                "get /api/v1/demo/personas", List.of("404"),
                "post /api/v1/forms/{formId}/dossiers", List.of("400", "401", "403", "404", "413", "415", "422", "429", "503"),
                "get /api/v1/me/dossiers/{dossierId}", List.of("401", "404", "429", "503"));
        expected.forEach((operation, statuses) -> {
            JsonNode responses = operation(operation.split(" ")[0], operation.split(" ")[1]).get("responses");
            for (String status : statuses) {
                JsonNode response = responses.path(status);
                assertThat(response.isMissingNode()).as("%s answers %s", operation, status).isFalse();
                assertThat(names(response.get("content"))).as("%s %s", operation, status).containsExactly(PROBLEM_JSON);
                JsonNode problem = resolve(response.at("/content/" + PROBLEM_JSON.replace("/", "~1") + "/schema"));
                assertThat(names(problem.get("properties")))
                        .containsExactlyInAnyOrder("type", "title", "status", "detail", "instance", "requestId", "errors");
                assertThat(names(resolve(problem.at("/properties/errors/items")).get("properties")))
                        .containsExactlyInAnyOrder("pointer", "message");
                assertThat(response.get("description").asText()).as("%s %s names its problem types", operation, status).contains("`");
                assertThat(response.at("/headers/Retry-After").isMissingNode()).as("%s %s Retry-After", operation, status)
                        .isEqualTo(!Set.of("429", "503").contains(status));
            }
        });
    }

    @Test
    void onlyTheSignedInEndpointsNeedTheBearerToken() {
        assertThat(doc.has("security")).as("no global requirement").isFalse();
        assertThat(doc.at("/components/securitySchemes/citizenToken/scheme").asText()).isEqualTo("bearer");
        for (String public_ : List.of("get /api/v1/forms", "get /api/v1/forms/{formId}", "post /api/v1/demo/tokens",
                "get /api/v1/demo/personas")) {
            JsonNode op = operation(public_.split(" ")[0], public_.split(" ")[1]);
            assertThat(op.has("security") && !op.get("security").isEmpty()).as("%s is public", public_).isFalse();
        }
        for (String signedIn : List.of("post /api/v1/forms/{formId}/prefill", "post /api/v1/forms/{formId}/submissions",
                "get /api/v1/me/disclosures", "get /api/v1/me/suggestions", "post /api/v1/forms/{formId}/dossiers",
                "get /api/v1/me/dossiers", "get /api/v1/me/dossiers/{dossierId}")) {
            JsonNode op = operation(signedIn.split(" ")[0], signedIn.split(" ")[1]);
            assertThat(op.at("/security/0").has("citizenToken")).as("%s needs the citizen token", signedIn).isTrue();
        }
        for (String operator : List.of("get /api/v1/admin/indicators", "get /api/v1/admin/indicators.csv", "get /api/v1/admin/dossiers",
                "post /api/v1/admin/dossiers/{dossierId}/redeliver")) {
            JsonNode op = operation(operator.split(" ")[0], operator.split(" ")[1]);
            assertThat(op.at("/security/0").has("operatorToken")).as("%s needs the operator token", operator).isTrue();
        }
    }

    @Test
    void theHandlingSystemsCallbacksAreSignedNotSignedIn() {
        JsonNode op = operation("post", "/api/v1/handling/events");
        assertThat(op.path("security").toString()).doesNotContain("citizenToken", "operatorToken");
        assertThat(op.get("parameters").findValuesAsText("name")).contains("X-Handling-Signature");
        assertThat(op.get("responses").has("401")).isTrue();
    }

    @Test
    void noErrorPathAndReadableTagsAndSummaries() {
        assertThat(names(doc.get("paths"))).noneMatch(p -> p.startsWith("/error"));
        Set<String> tags = new TreeSet<>();
        doc.get("paths").forEach(path -> path.forEach(op -> {
            op.get("tags").forEach(t -> tags.add(t.asText()));
            assertThat(op.path("summary").asText()).as("%s has a summary", op.path("operationId")).isNotBlank();
            assertThat(op.path("description").asText()).as("%s has a description", op.path("operationId")).isNotBlank();
        }));
        assertThat(tags).containsExactlyInAnyOrder("Forms", "Prefill", "Submissions", "Dossiers", "Disclosures", "Suggestions", "Indicators",
                "Demo identity", "Declared once");
        assertThat(doc.get("tags").findValuesAsText("name")).as("every tag is described").containsAll(tags);
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = new ArrayList<>();
        doc.findValues("$ref").forEach(r -> refs.add(r.asText()));
        assertThat(refs).isNotEmpty().allSatisfy(ref -> assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref).isFalse());
    }

    @Test
    void swaggerUiIsServedAndReadsThisDocument() throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> ui = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/swagger-ui.html"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.uri().getPath()).isEqualTo("/swagger-ui/index.html");
        assertThat(ui.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(ui.body()).contains("swagger-ui");
        for (String asset : List.of("/swagger-ui/swagger-ui-bundle.js", "/swagger-ui/swagger-ui.css", "/swagger-ui/swagger-initializer.js")) {
            HttpResponse<Void> a = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + asset)).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(a.statusCode()).as(asset).isEqualTo(200);
        }
        Answer config = call("GET", "/v3/api-docs/swagger-config", null, null, null);
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.body().get("url").asText()).isEqualTo("/v3/api-docs");
    }
}

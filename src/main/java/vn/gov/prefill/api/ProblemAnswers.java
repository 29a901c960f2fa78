package vn.gov.prefill.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * The refusals each operation can answer, as application/problem+json, by operationId: what the status
 * table of docs/api.md says, with the problem types a front end can tell apart; and on every person's
 * endpoint, the header an officer at a one-stop desk sends the citizen's token in, with its refusals.
 */
@Component
public class ProblemAnswers implements OpenApiCustomizer {

    static final String PROBLEM_JSON = "application/problem+json";

    private static final String UNAUTHENTICATED = "`unauthenticated`: no bearer token, or one that is expired, not RS256, "
            + "signed by a key outside the JWKS, for another audience or issuer, or without a well-formed personal number "
            + "(enterprise code on organisation accounts)";
    private static final String TOO_LARGE = "`body-too-large`: a body above gateway.limits.max-body-size (16 KB)";
    private static final String NOT_JSON = "`unsupported-media-type`: a body that is not application/json";
    private static final String RATE_LIMITED = "`rate-limited`: over the per-person or per-client requests per minute "
            + "(gateway.rate-limits); Retry-After says when to come back";
    private static final String UNKNOWN_FORM = "`unknown-form`: no form with this id (GET /api/v1/forms lists them)";
    private static final String PERIOD = "`invalid-parameter`: from or to is not a date yyyy-MM-dd, to is before from, "
            + "or the period is longer than 366 days";
    private static final String NOT_OPERATOR = "`forbidden`: the token's roles claim does not hold the operator role";
    private static final String MOCKS_OFF = "`not-found`: demo identities exist only while gateway.mocks.enabled is true";

    private static final Map<String, Map<Integer, String>> ANSWERS = Map.of(
            "formSchema", answers(404, UNKNOWN_FORM),
            "prefill", answers(
                    400, "`malformed-json`; `invalid-request`: an unknown property, a malformed personal number or enterprise "
                            + "code (length, check digit, branch), an unknown source in consent; `acting-for-required`: the "
                            + "form is filed for a CHILD or an ENTERPRISE and actingFor is missing; `acting-for-not-accepted`",
                    401, UNAUTHENTICATED,
                    403, "`assurance-too-low`: the sign-in is below the form's minLoa; `relation-not-held`: the registry does "
                            + "not list you as the child's parent or the enterprise's legal representative; "
                            + "`organisation-account`: an organisation account prefilling a form filed for a person",
                    404, UNKNOWN_FORM,
                    413, TOO_LARGE,
                    415, NOT_JSON,
                    429, RATE_LIMITED,
                    503, "`relation-unverifiable`: the business or civil-status registry cannot confirm actingFor right now; "
                            + "`audit-unavailable`: the disclosure log cannot record the read, so no data is released"),
            "submit", answers(
                    400, "`malformed-json`; `invalid-request`: no data object, or an unknown property",
                    401, UNAUTHENTICATED + "; `prefill-token-required`: no prefillToken; `prefill-token-invalid`: a "
                            + "prefillToken that is malformed, forged or expired (prefill again)",
                    403, "`prefill-token-foreign`: the prefillToken was issued for another person or another form",
                    404, UNKNOWN_FORM,
                    413, TOO_LARGE,
                    415, NOT_JSON,
                    422, "`invalid-submission`: the data breaks the form's schema, or changes locked values; "
                            + "`locked-field-changed`: only locked values were changed. errors lists every one by its JSON "
                            + "Pointer into data",
                    429, RATE_LIMITED),
            "myDisclosures", answers(
                    400, "`invalid-parameter`: page or size is not an integer in range (page 0-1000000, size 1-100)",
                    401, UNAUTHENTICATED,
                    429, RATE_LIMITED,
                    503, "`audit-unavailable`: the disclosure log cannot be read right now (fail closed)"),
            "mySuggestions", answers(
                    400, "`invalid-parameter`: sources names a source the gateway does not know",
                    401, UNAUTHENTICATED,
                    403, "`organisation-account`: suggestions follow a person's life events",
                    429, RATE_LIMITED,
                    503, "`audit-unavailable`: the reads cannot be recorded, so nothing is released"),
            "indicators", answers(
                    400, PERIOD,
                    401, UNAUTHENTICATED,
                    403, NOT_OPERATOR),
            "indicatorsCsv", answers(
                    400, PERIOD,
                    401, UNAUTHENTICATED,
                    403, NOT_OPERATOR),
            "mintDemoToken", answers(
                    400, "`malformed-json`; `invalid-request`: not exactly one of persona, citizenId, enterpriseCode; an "
                            + "unknown persona; a malformed number; loa or expiresInSeconds out of range; an unknown property",
                    404, MOCKS_OFF,
                    413, TOO_LARGE,
                    415, NOT_JSON),
            "demoPersonas", answers(404, MOCKS_OFF),
            "codeList", answers(404, "`not-found`: no code list with this name under schemas/codelists"));

    private static final String PAGE = "`invalid-parameter`: page or size is not an integer in range (page 0-1000000, size 1-100)";
    private static final String UNKNOWN_DOSSIER = "`unknown-dossier`: no dossier of yours has this id";
    private static final String AUDIT_DOWN = "`audit-unavailable`: the audit database cannot be reached right now";

    /** Filing and dossiers (Map.of takes ten pairs at most). */
    private static final Map<String, Map<Integer, String>> DOSSIER_ANSWERS = Map.of(
            "fileDossier", answers(
                    400, "`malformed-json`; `invalid-request`: no data object, or an unknown property; "
                            + "`invalid-idempotency-key`: an Idempotency-Key longer than 64 characters or not visible ASCII",
                    401, UNAUTHENTICATED + "; `prefill-token-required`; `prefill-token-invalid`",
                    403, "`prefill-token-foreign`: the prefillToken was issued for another person or another form",
                    404, UNKNOWN_FORM,
                    413, TOO_LARGE,
                    415, NOT_JSON,
                    422, "`invalid-submission`, `locked-field-changed`: as for submissions, every violation by its JSON Pointer",
                    429, RATE_LIMITED,
                    503, AUDIT_DOWN + ": nothing was filed"),
            "myDossiers", answers(400, PAGE, 401, UNAUTHENTICATED, 429, RATE_LIMITED, 503, AUDIT_DOWN),
            "myDossier", answers(401, UNAUTHENTICATED, 404, UNKNOWN_DOSSIER, 429, RATE_LIMITED, 503, AUDIT_DOWN),
            "adminDossiers", answers(400, "`invalid-parameter`: status is not a dossier status, or limit is not 1-1000",
                    401, UNAUTHENTICATED, 403, NOT_OPERATOR, 503, AUDIT_DOWN),
            "redeliverDossier", answers(401, UNAUTHENTICATED, 403, NOT_OPERATOR, 404, "`unknown-dossier`: no dossier has this id",
                    409, "`not-delivery-failed`: only a DELIVERY_FAILED dossier is delivered again", 503, AUDIT_DOWN));

    /** The verdict (Map.of takes ten pairs at most). */
    private static final Map<String, Map<Integer, String>> RATING_ANSWERS = Map.of(
            "rateDossier", answers(
                    400, "`malformed-json`; `invalid-rating`: stage, score, items or comment out of its rule, an unknown property, "
                            + "or items.staff for a dossier filed online (each named in errors)",
                    401, UNAUTHENTICATED,
                    404, UNKNOWN_DOSSIER,
                    409, "`already-rated`: this stage of this dossier was rated already; `result-not-ready`: RESULT before the "
                            + "result is ready, refused or handed over",
                    413, TOO_LARGE,
                    415, NOT_JSON,
                    429, RATE_LIMITED,
                    503, AUDIT_DOWN + ": nothing was recorded"),
            "adminRatings", answers(400, PAGE + "; " + PERIOD, 401, UNAUTHENTICATED, 403, NOT_OPERATOR, 503, AUDIT_DOWN));

    /** What every person's endpoint may also answer when an officer at a one-stop desk calls it. */
    private static final Map<Integer, String> AT_A_DESK = answers(
            400, "`citizen-authorization-required`: an officer's token without the citizen's in X-Citizen-Authorization",
            401, "`citizen-unauthenticated`: the citizen's token in X-Citizen-Authorization is expired, for another audience, "
                    + "badly signed or not Bearer",
            403, "`not-an-officer`: X-Citizen-Authorization on a token that is not an officer's; `not-a-citizen`: an officer's or "
                    + "an operator's token in X-Citizen-Authorization");

    private static final Set<Integer> RETRY_AFTER = Set.of(429, 503);

    @Override
    public void customise(OpenAPI api) {
        Map<String, Operation> operations = new LinkedHashMap<>();
        api.getPaths().values().forEach(path -> path.readOperations().forEach(o -> operations.put(o.getOperationId(), o)));
        Map<String, Map<Integer, String>> all = new LinkedHashMap<>(ANSWERS);
        all.putAll(DOSSIER_ANSWERS);
        all.putAll(RATING_ANSWERS);
        all.forEach((operationId, answers) -> {
            Operation operation = operations.get(operationId);
            if (operation == null) {
                throw new IllegalStateException("OpenAPI: no operation " + operationId + " to list its problems on");
            }
            answers.forEach((status, description) -> operation.getResponses().addApiResponse(String.valueOf(status), problem(status, description)));
        });
        api.getPaths().forEach((path, item) -> {
            if (vn.gov.prefill.identity.Desk.personEndpoint(path)) {
                item.readOperations().forEach(operation -> operation.addParametersItem(new io.swagger.v3.oas.models.parameters.HeaderParameter()
                        .name("X-Citizen-Authorization").required(false).schema(new Schema<String>().type("string").types(Set.of("string")))
                        .description("at a one-stop desk, with an officer's token in Authorization: Bearer and the citizen's own token, "
                                + "who signs in beside the officer; the request then runs as the citizen's")));
                item.readOperations().forEach(operation -> AT_A_DESK.forEach((status, description) -> {
                    io.swagger.v3.oas.models.responses.ApiResponse known = operation.getResponses().get(String.valueOf(status));
                    operation.getResponses().addApiResponse(String.valueOf(status),
                            problem(status, known == null ? description : known.getDescription() + "; " + description));
                }));
            }
        });
    }

    private static ApiResponse problem(int status, String description) {
        ApiResponse response = new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(ApiSchemas.ref("Problem"))));
        if (RETRY_AFTER.contains(status)) {
            response.addHeaderObject("Retry-After", new Header().description("seconds to wait before trying again")
                    .required(true).schema(new Schema<Integer>().type("integer").types(Set.of("integer")).minimum(java.math.BigDecimal.ONE)));
        }
        return response;
    }

    private static Map<Integer, String> answers(Object... statusThenDescription) {
        Map<Integer, String> out = new LinkedHashMap<>();
        for (int i = 0; i < statusThenDescription.length; i += 2) {
            out.put((Integer) statusThenDescription[i], (String) statusThenDescription[i + 1]);
        }
        return out;
    }
}

package vn.gov.prefill.dossier;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.gov.prefill.api.FilingRequestBody;
import vn.gov.prefill.config.PersonKeys;
import vn.gov.prefill.edge.QueryParameters;
import vn.gov.prefill.edge.problem.ApiProblem;
import vn.gov.prefill.edge.problem.ApiProblem.FieldError;
import vn.gov.prefill.flow.PrefillTokens;
import vn.gov.prefill.identity.Citizen;
import vn.gov.prefill.identity.Citizens;
import vn.gov.prefill.indicators.RatingStore;
import vn.gov.prefill.submission.SubmissionCheck;

/**
 * Filing a checked form, and the filer's view of their dossiers. A dossier belongs to the person who
 * filed it (their person key); to anyone else it does not exist (404).
 */
@RestController
@Tag(name = "Dossiers")
class DossierController {

    static final int MAX_IDEMPOTENCY_KEY = 64;
    private static final String PERSON_KEY_PURPOSE = "dossier-filer";
    private static final String FILER_KEY_PURPOSE = "indicator-filer";
    private static final DateTimeFormatter AT = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final Logger log = LoggerFactory.getLogger(DossierController.class);

    private final SubmissionCheck check;
    private final Filing filing;
    private final DossierStore store;
    private final Citizens citizens;
    private final PersonKeys personKeys;
    private final HandlingProgress progress;
    private final RatingStore ratings;

    DossierController(SubmissionCheck check, Filing filing, DossierStore store, Citizens citizens, PersonKeys personKeys,
                      HandlingProgress progress, RatingStore ratings) {
        this.ratings = ratings;
        this.progress = progress;
        this.check = check;
        this.filing = filing;
        this.store = store;
        this.citizens = citizens;
        this.personKeys = personKeys;
    }

    @Schema(name = "DossierReceipt", requiredProperties = {"dossierId", "status", "filedAt", "reuse"})
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record Receipt(String dossierId, @Schema(allowableValues = "RECEIVED") String status,
                   @Schema(format = "date-time") String filedAt, SubmissionCheck.Reuse reuse,
                   @Schema(description = "with declare.keep true: the declared keys kept for next time (absent otherwise)")
                   Declared declared) { }

    @Schema(name = "DossierDeclared")
    record Declared(@Schema(description = "the declared keys kept, e.g. contact.phone") List<String> kept) { }

    @Schema(name = "DossierEvent", requiredProperties = {"status", "at"})
    record TimelineEntry(@Schema(implementation = DossierStatus.class) String status, @Schema(format = "date-time") String at,
                         String note) { }

    @Schema(name = "Dossier", requiredProperties = {"dossierId", "formId", "status", "filedAt", "timeline"})
    record View(String dossierId, String formId, String formVersion, String procedureCode,
                @Schema(implementation = DossierStatus.class) String status, @Schema(format = "date-time") String filedAt,
                @Schema(description = "the handling system's official code (MaHoSo), once delivered") String handlingCode,
                List<TimelineEntry> timeline,
                @Schema(description = "the result document, once the handling system has it (RESULT_READY and after)") Result result,
                @Schema(allowableValues = {"ONLINE", "DESK"}, description = "filed online by you, or with an officer at a one-stop desk")
                String channel,
                @Schema(description = "the one-stop desk it was filed at (DESK only)") DeskOf desk,
                @Schema(description = "the stages you have rated (FILING, RESULT)") List<String> rated,
                @Schema(description = "the stages you may rate now: FILING once filed, RESULT once the result is ready, refused "
                        + "or handed over; each once") List<String> canRate) { }

    @Schema(name = "DossierDesk", requiredProperties = {"officer", "unit"})
    record DeskOf(@Schema(description = "the officer's code (MaCanBo)") String officer,
                  @Schema(description = "the unit's code (MaDonVi)") String unit,
                  @Schema(description = "the unit's name (TenDonVi), when known") String unitName) { }

    @Schema(name = "DossierResult", requiredProperties = {"documentRef", "type", "url"},
            description = "A reference to the result document, as the handling system described it: never the document itself")
    record Result(@Schema(description = "the reference to give back when the document is needed again") String documentRef,
                  @Schema(description = "the document type (MaKetQua), e.g. KQ.LLTP") String type, String title,
                  @Schema(description = "its number (SoKyHieu)") String number, @Schema(format = "date") String issuedOn, String url,
                  @Schema(description = "sha256: and the hex digest of the document, when given") String hash) {

        static Result of(HandlingEvent.Result r) {
            return r == null ? null : new Result(r.documentRef(), r.type(), r.title(), r.number(), r.issuedOn(), r.url(), r.hash());
        }
    }

    @Schema(name = "DossierPage")
    record Page(int page, int size, long total, List<View> items) { }

    @Operation(operationId = "fileDossier", summary = "File a checked form",
            description = "Runs the same checks as /submissions, then records the dossier and its pending delivery to the "
                    + "province's handling system in one transaction: 201 means both are durably recorded. The gateway then "
                    + "delivers it at least once. With an Idempotency-Key (at most 64 characters), the same key from the same "
                    + "person answers the first filing's receipt again and files nothing new.",
            security = @SecurityRequirement(name = "citizenToken"),
            parameters = @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, required = false,
                    description = "the client's key of this filing, at most 64 characters",
                    schema = @Schema(type = "string", maxLength = MAX_IDEMPOTENCY_KEY)),
            responses = @ApiResponse(responseCode = "201", description = "filed: recorded with its pending delivery",
                    headers = @Header(name = "Location", required = true, description = "/api/v1/me/dossiers/{dossierId}",
                            schema = @Schema(type = "string"))),
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = FilingRequestBody.class))))
    @PostMapping(path = "/api/v1/forms/{formId}/dossiers", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Receipt> file(@PathVariable String formId, @RequestBody(required = false) JsonNode body,
                                 @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                                 @AuthenticationPrincipal Jwt jwt) {
        String key = idempotencyKeyOf(idempotencyKey);
        String personKey = personKeyOf(citizens.of(jwt));
        boolean keep = keep(body);
        try {
            Optional<DossierStore.Dossier> first = key == null ? Optional.empty() : store.byIdempotencyKey(personKey, key);
            if (first.isPresent()) {
                return receipt(first.get(), store.declaredKept(first.get().id()));
            }
            SubmissionCheck.Checked checked = check.check(formId, body, jwt, List.of("data", "prefillToken", "declare", "attachments"));
            List<PrefillTokens.Offer> attached = Attached.of(body.get("attachments"), checked.form(), checked.prefill());
            Filing.Filed filed = filing.file(checked, jwt.getClaimAsString("HoVaTen"), personKey, filerKeyOf(checked.citizen()), key,
                    keep, attached);
            log.info("dossier filed dossier={} form={} channel={} declaredKept={} attachments={}", filed.dossier().id(),
                    filed.dossier().formId(), filed.dossier().channel(), filed.kept() == null ? 0 : filed.kept().size(), attached.size());
            return receipt(filed.dossier(), filed.kept());
        } catch (DataAccessException e) {
            throw ApiProblem.auditUnavailable("the dossier cannot be recorded right now; nothing was filed, try again shortly");
        }
    }

    @Operation(operationId = "myDossiers", summary = "My dossiers",
            description = "The dossiers the signed-in person filed, newest first, each with where it stands and its timeline.",
            security = @SecurityRequirement(name = "citizenToken"),
            responses = @ApiResponse(responseCode = "200", description = "one page of your dossiers"),
            parameters = {
                @Parameter(name = "page", in = ParameterIn.QUERY, description = "0-based page, newest first",
                        schema = @Schema(type = "integer", minimum = "0", maximum = "1000000", defaultValue = "0")),
                @Parameter(name = "size", in = ParameterIn.QUERY, description = "dossiers per page",
                        schema = @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "20"))})
    @GetMapping(path = "/api/v1/me/dossiers", produces = MediaType.APPLICATION_JSON_VALUE)
    Page mine(@RequestParam(required = false) String page, @RequestParam(required = false) String size, @AuthenticationPrincipal Jwt jwt) {
        List<FieldError> errors = new ArrayList<>();
        int p = QueryParameters.integer("page", page, 0, 0, 1_000_000, errors);
        int s = QueryParameters.integer("size", size, 20, 1, 100, errors);
        if (!errors.isEmpty()) {
            throw ApiProblem.badRequest("invalid-parameter", "Invalid parameter", errors);
        }
        String personKey = personKeyOf(citizens.of(jwt));
        try {
            List<View> items = store.ofPerson(personKey, p, s).stream().map(this::view).toList();
            return new Page(p, s, store.countOfPerson(personKey), items);
        } catch (DataAccessException e) {
            throw ApiProblem.auditUnavailable("your dossiers cannot be read right now; try again shortly");
        }
    }

    @Operation(operationId = "myDossier", summary = "One of my dossiers",
            description = "Where the dossier stands: its status, the handling system's code once delivered, and its timeline. "
                    + "A dossier filed by anyone else is 404.",
            security = @SecurityRequirement(name = "citizenToken"),
            responses = @ApiResponse(responseCode = "200", description = "the dossier"))
    @GetMapping(path = "/api/v1/me/dossiers/{dossierId}", produces = MediaType.APPLICATION_JSON_VALUE)
    View one(@PathVariable String dossierId, @AuthenticationPrincipal Jwt jwt) {
        String personKey = personKeyOf(citizens.of(jwt));
        try {
            return store.ofPerson(dossierId, personKey).map(this::view).orElseThrow(DossierController::notFound);
        } catch (DataAccessException e) {
            throw ApiProblem.auditUnavailable("your dossier cannot be read right now; try again shortly");
        }
    }

    static ApiProblem notFound() {
        return new ApiProblem(404, "unknown-dossier", "Unknown dossier", "no dossier of yours has this id");
    }

    private static String idempotencyKeyOf(String header) {
        if (header == null) {
            return null;
        }
        if (header.isBlank() || header.length() > MAX_IDEMPOTENCY_KEY || !header.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw ApiProblem.badRequest("invalid-idempotency-key", "Invalid Idempotency-Key", List.of(new FieldError("Idempotency-Key",
                    "must be 1 to " + MAX_IDEMPOTENCY_KEY + " visible ASCII characters")));
        }
        return header;
    }

    private String personKeyOf(Citizen citizen) {
        return personKeyOf(personKeys, citizen);
    }

    /** The key a person's dossiers are kept under: their number's (or enterprise code's) HMAC, never the number. */
    static String personKeyOf(PersonKeys personKeys, Citizen citizen) {
        return personKeys.of(PERSON_KEY_PURPOSE, identityOf(citizen));
    }

    /** The filer as the indicators match them (helped at a desk, then filing alone): another purpose, another key. */
    private String filerKeyOf(Citizen citizen) {
        return personKeys.of(FILER_KEY_PURPOSE, identityOf(citizen));
    }

    private static String identityOf(Citizen citizen) {
        return citizen.isOrganisation() ? "enterprise:" + citizen.enterpriseCode() : "citizen:" + citizen.citizenId();
    }

    private static ResponseEntity<Receipt> receipt(DossierStore.Dossier d, List<String> kept) {
        SubmissionCheck.Reuse reuse = new SubmissionCheck.Reuse(d.bound(), d.prefilled(), d.kept(), d.prefilled() - d.kept());
        return ResponseEntity.created(URI.create("/api/v1/me/dossiers/" + d.id()))
                .body(new Receipt(d.id(), DossierStatus.RECEIVED.name(), at(d.filedAt()), reuse, kept == null ? null : new Declared(kept)));
    }

    /** {@code declare: {keep: true}}: the citizen agreed to have the form's declared values kept; anything else is a 400. */
    private static boolean keep(JsonNode body) {
        JsonNode declare = body == null ? null : body.get("declare");
        if (declare == null || declare.isNull()) {
            return false;
        }
        if (!declare.isObject() || !declare.path("keep").isBoolean()) {
            throw ApiProblem.badRequest("invalid-request", "Invalid request",
                    List.of(new FieldError("/declare/keep", "send {\"declare\": {\"keep\": true}} to keep the declared values, or leave it out")));
        }
        List<FieldError> unknown = FieldError.unknownProperties(declare, "/declare", List.of("keep"));
        if (!unknown.isEmpty()) {
            throw ApiProblem.badRequest("invalid-request", "Invalid request", unknown);
        }
        return declare.get("keep").asBoolean();
    }

    private View view(DossierStore.Dossier d) {
        List<TimelineEntry> timeline = store.timeline(d.id()).stream()
                .map(e -> new TimelineEntry(e.status().name(), at(e.at()), e.note())).toList();
        List<String> rated = ratings.stagesOf(d.id()).stream().map(Enum::name).toList();
        List<String> canRate = new ArrayList<>();
        if (!rated.contains("FILING")) {
            canRate.add("FILING");
        }
        if (!rated.contains("RESULT") && RatingController.RESULT_GIVEN.contains(d.status())) {
            canRate.add("RESULT");
        }
        return new View(d.id(), d.formId(), d.formVersion(), d.procedureCode(), d.status().name(), at(d.filedAt()), d.handlingCode(),
                timeline, Result.of(progress.result(d.id())), d.channel(),
                d.desk() == null ? null : new DeskOf(d.desk().officer(), d.desk().unit(), d.desk().unitName()), rated, canRate);
    }

    static String at(Instant instant) {
        return AT.format(instant.truncatedTo(ChronoUnit.MILLIS).atZone(HandlingRequest.VIETNAM).toOffsetDateTime());
    }
}

package vn.gov.prefill.dossier;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.gov.prefill.api.RatingRequestBody;
import vn.gov.prefill.config.PersonKeys;
import vn.gov.prefill.edge.problem.ApiProblem;
import vn.gov.prefill.edge.problem.ApiProblem.FieldError;
import vn.gov.prefill.identity.Citizens;
import vn.gov.prefill.indicators.Rating;
import vn.gov.prefill.indicators.RatingStore;

/**
 * The citizen's verdict on one of their dossiers, once after filing and once after the result. Recorded
 * without the person ({@link RatingStore}); the comment is never logged nor put in a metric.
 */
@RestController
@Tag(name = "Dossiers")
class RatingController {

    static final int MAX_COMMENT = 1200;
    /** The statuses after which the result stage may be rated: the result is ready, refused or handed over. */
    static final Set<DossierStatus> RESULT_GIVEN = EnumSet.of(DossierStatus.RESULT_READY, DossierStatus.REJECTED, DossierStatus.COMPLETED);
    private static final List<String> FIELDS = List.of("stage", "score", "items", "comment");
    private static final List<String> ITEMS = List.of("easy", "time", "staff");
    private static final Logger log = LoggerFactory.getLogger(RatingController.class);

    private final DossierStore store;
    private final RatingStore ratings;
    private final Citizens citizens;
    private final PersonKeys personKeys;
    private final Clock clock;
    private final MeterRegistry meters;

    RatingController(DossierStore store, RatingStore ratings, Citizens citizens, PersonKeys personKeys, Clock clock,
                     MeterRegistry meters) {
        this.store = store;
        this.ratings = ratings;
        this.citizens = citizens;
        this.personKeys = personKeys;
        this.clock = clock;
        this.meters = meters;
    }

    @Schema(name = "RatingReceipt", requiredProperties = {"dossierId", "stage", "score", "ratedAt"})
    record Receipt(String dossierId, @Schema(allowableValues = {"FILING", "RESULT"}) String stage, int score,
                   @Schema(format = "date-time") String ratedAt) { }

    /** The request, checked. */
    private record Asked(Rating.Stage stage, int score, Integer easy, Integer time, Integer staff, String comment) { }

    @Operation(operationId = "rateDossier", summary = "How satisfied I am",
            description = "Rates one of your dossiers at one stage: FILING (any time after filing) or RESULT (once the result is "
                    + "ready, refused or handed over), a score of 1 to 5, optional items (easy, time; staff only for a dossier filed at "
                    + "a one-stop desk) and a comment of at most 1,200 characters. One rating per stage: a second one is 409, and so is "
                    + "RESULT before the result. Somebody else's dossier is 404. Recorded without you: the dossier's form, procedure, "
                    + "channel and desk, the stage, the scores and the time; the comment, masked of personal numbers, phone numbers and "
                    + "e-mail addresses, is read by operators only.",
            security = @SecurityRequirement(name = "citizenToken"),
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = RatingRequestBody.class))),
            responses = {
                @ApiResponse(responseCode = "201", description = "recorded"),
                @ApiResponse(responseCode = "409", description = "this stage was rated already, or RESULT before the result")})
    @PostMapping(path = "/api/v1/me/dossiers/{dossierId}/rating", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Receipt> rate(@PathVariable String dossierId, @RequestBody(required = false) JsonNode body,
                                 @AuthenticationPrincipal Jwt jwt) {
        Asked asked = read(body);
        String personKey = DossierController.personKeyOf(personKeys, citizens.of(jwt));
        try {
            DossierStore.Dossier dossier = store.ofPerson(dossierId, personKey).orElseThrow(DossierController::notFound);
            if (asked.staff() != null && dossier.desk() == null) {
                throw ApiProblem.badRequest("invalid-rating", "Invalid rating",
                        List.of(new FieldError("/items/staff", "only for a dossier filed at a one-stop desk")));
            }
            if (asked.stage() == Rating.Stage.RESULT && !RESULT_GIVEN.contains(dossier.status())) {
                throw new ApiProblem(409, "result-not-ready", "No result yet",
                        "the RESULT stage is rated once the result is ready, refused or handed over; this dossier is "
                                + dossier.status() + "; rate the FILING stage now");
            }
            Rating rating = new Rating(dossier.id(), asked.stage(), dossier.formId(), dossier.procedureCode(), dossier.channel(),
                    dossier.desk() == null ? null : dossier.desk().unit(), asked.score(), asked.easy(), asked.time(), asked.staff(),
                    asked.comment(), clock.instant());
            if (!ratings.record(rating)) {
                throw new ApiProblem(409, "already-rated", "Already rated",
                        "this dossier's " + asked.stage() + " stage was rated already; a rating is not changed");
            }
            meters.counter("gateway.ratings", "form", dossier.formId(), "stage", asked.stage().name(),
                    "satisfied", String.valueOf(rating.satisfied())).increment();
            log.info("dossier rated dossier={} stage={} score={} comment={}", dossier.id(), asked.stage(), asked.score(),
                    asked.comment() != null);
            return ResponseEntity.created(URI.create("/api/v1/me/dossiers/" + dossier.id()))
                    .body(new Receipt(dossier.id(), asked.stage().name(), asked.score(), DossierController.at(rating.ratedAt())));
        } catch (DataAccessException e) {
            throw ApiProblem.auditUnavailable("your rating cannot be recorded right now; try again shortly");
        }
    }

    /** The body as asked, or a 400 naming every field that is wrong. */
    private static Asked read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiProblem.badRequest("invalid-rating", "Invalid rating",
                    List.of(new FieldError("", "send {\"stage\": \"FILING\" | \"RESULT\", \"score\": 1-5}")));
        }
        List<FieldError> errors = new ArrayList<>(FieldError.unknownProperties(body, "", FIELDS));
        Rating.Stage stage = null;
        JsonNode s = body.get("stage");
        if (s == null || !s.isTextual() || !List.of("FILING", "RESULT").contains(s.asText())) {
            errors.add(new FieldError("/stage", "required: FILING or RESULT"));
        } else {
            stage = Rating.Stage.valueOf(s.asText());
        }
        Integer score = score(body.get("score"), "/score", true, errors);
        Integer easy = null;
        Integer time = null;
        Integer staff = null;
        JsonNode items = body.get("items");
        if (items != null && !items.isNull()) {
            if (!items.isObject()) {
                errors.add(new FieldError("/items", "must be an object of easy, time and staff, each 1 to 5"));
            } else {
                errors.addAll(FieldError.unknownProperties(items, "/items", ITEMS));
                easy = score(items.get("easy"), "/items/easy", false, errors);
                time = score(items.get("time"), "/items/time", false, errors);
                staff = score(items.get("staff"), "/items/staff", false, errors);
            }
        }
        String comment = null;
        JsonNode c = body.get("comment");
        if (c != null && !c.isNull()) {
            if (!c.isTextual()) {
                errors.add(new FieldError("/comment", "must be a string"));
            } else if (c.asText().codePointCount(0, c.asText().length()) > MAX_COMMENT) {
                errors.add(new FieldError("/comment", "at most " + MAX_COMMENT + " characters"));
            } else if (!c.asText().isBlank()) {
                comment = c.asText().strip();
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.badRequest("invalid-rating", "Invalid rating", errors);
        }
        return new Asked(stage, score, easy, time, staff, comment);
    }

    private static Integer score(JsonNode value, String pointer, boolean required, List<FieldError> errors) {
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(new FieldError(pointer, "required: a whole number from 1 to 5"));
            }
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 1 || value.asInt() > 5) {
            errors.add(new FieldError(pointer, "must be a whole number from 1 to 5"));
            return null;
        }
        return value.asInt();
    }
}

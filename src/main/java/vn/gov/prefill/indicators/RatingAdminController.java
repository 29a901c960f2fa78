package vn.gov.prefill.indicators;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.gov.prefill.edge.QueryParameters;
import vn.gov.prefill.edge.problem.ApiProblem;
import vn.gov.prefill.edge.problem.ApiProblem.FieldError;

/** The citizens' ratings with their comments, for operators only ({@code /api/v1/admin/**}). */
@RestController
@Tag(name = "Indicators")
class RatingAdminController {

    private final RatingStore ratings;
    private final Clock clock;

    RatingAdminController(RatingStore ratings, Clock clock) {
        this.ratings = ratings;
        this.clock = clock;
    }

    @Schema(name = "RatingPage")
    record Page(String from, String to, int page, int size, long total, List<Item> items) { }

    @Schema(name = "RatingItem", requiredProperties = {"stage", "formId", "channel", "score", "ratedAt"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(@Schema(allowableValues = {"FILING", "RESULT"}) String stage, String formId, String procedureCode,
                @Schema(allowableValues = {"ONLINE", "DESK"}) String channel,
                @Schema(description = "the desk's unit code (MaDonVi), for a desk filing") String unit, int score,
                Map<String, Integer> items,
                @Schema(description = "as the citizen wrote it, masked of personal numbers, phone numbers and e-mail addresses")
                String comment, @Schema(format = "date-time") String ratedAt) { }

    @Operation(operationId = "adminRatings", summary = "The citizens' ratings and comments",
            description = "The ratings made in the period, newest first, each with its dossier's form, procedure, channel and desk "
                    + "unit, the scores and the comment (masked of anything shaped like a personal number, a phone number or an "
                    + "e-mail address before it was stored). Nothing names the person. Operators only.",
            security = @SecurityRequirement(name = "operatorToken"),
            responses = @ApiResponse(responseCode = "200", description = "one page of the period's ratings"),
            parameters = {
                @Parameter(name = "from", in = ParameterIn.QUERY, description = "first day, yyyy-MM-dd in Asia/Ho_Chi_Minh (default: the 1st of this month)",
                        schema = @Schema(type = "string", format = "date")),
                @Parameter(name = "to", in = ParameterIn.QUERY, description = "last day, inclusive (default: the end of this month)",
                        schema = @Schema(type = "string", format = "date")),
                @Parameter(name = "page", in = ParameterIn.QUERY, description = "0-based page, newest first",
                        schema = @Schema(type = "integer", minimum = "0", maximum = "1000000", defaultValue = "0")),
                @Parameter(name = "size", in = ParameterIn.QUERY, description = "ratings per page",
                        schema = @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "20"))})
    @GetMapping(path = "/api/v1/admin/ratings", produces = MediaType.APPLICATION_JSON_VALUE)
    Page list(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
              @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        List<FieldError> errors = new ArrayList<>();
        int p = QueryParameters.integer("page", page, 0, 0, 1_000_000, errors);
        int s = QueryParameters.integer("size", size, 20, 1, 100, errors);
        if (!errors.isEmpty()) {
            throw ApiProblem.badRequest("invalid-parameter", "Invalid parameter", errors);
        }
        ReportPeriod period = ReportPeriod.parse(from, to, clock);
        try {
            List<Item> items = ratings.page(period.start(), period.end(), (long) p * s, s).stream().map(RatingAdminController::item).toList();
            return new Page(period.from().toString(), period.to().toString(), p, s, ratings.count(period.start(), period.end()), items);
        } catch (DataAccessException e) {
            throw ApiProblem.auditUnavailable("the ratings cannot be read right now; try again shortly");
        }
    }

    private static Item item(Rating r) {
        Map<String, Integer> items = new java.util.LinkedHashMap<>();
        if (r.easy() != null) {
            items.put("easy", r.easy());
        }
        if (r.time() != null) {
            items.put("time", r.time());
        }
        if (r.staff() != null) {
            items.put("staff", r.staff());
        }
        return new Item(r.stage().name(), r.formId(), r.procedureCode(), r.channel(), r.unit(), r.score(),
                items.isEmpty() ? null : items, r.comment(), at(r.ratedAt()));
    }

    private static String at(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.truncatedTo(ChronoUnit.MILLIS).atZone(ReportPeriod.VIETNAM)
                .toOffsetDateTime());
    }
}

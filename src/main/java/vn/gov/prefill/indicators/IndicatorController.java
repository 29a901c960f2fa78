package vn.gov.prefill.indicators;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.http.ResponseEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import vn.gov.prefill.edge.problem.ApiProblem;
import vn.gov.prefill.form.FormCatalog;
import vn.gov.prefill.source.SourceCatalog;

/** The province's indicators, for operators ({@code /api/v1/admin/**} needs the operator role). */
@RestController
@Tag(name = "Indicators")
class IndicatorController {

    static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
    private static final List<String> COLUMNS = List.of("scope", "id", "procedureCode", "from", "to", "prefills", "submissions",
            "validSubmissions", "bound", "prefilled", "kept", "changed", "coverage", "reuse", "reenteredNothingShare",
            "medianPrefillToSubmitSeconds", "medianLoginToSubmitSeconds", "loginToSubmitWithin5MinutesShare",
            "reads", "ok", "availability", "shown", "followed", "followedShare",
            "dossiers", "delivered", "deliveryFailed", "medianDeliverySeconds", "resultsReady",
            "declaredPrefilled", "attachmentsByReference", "attachmentsFiled", "attachmentsByReferenceShare",
            "ratings", "responseRate", "satisfiedShare", "assistedFilers", "laterFiledAloneShare",
            // the source's or the life event's name, for people to read (empty on the other rows)
            "name");

    private final IndicatorStore store;
    private final RatingStore ratings;
    private final PrefillTallyQueue prefills;
    private final FormCatalog forms;
    private final SourceCatalog sources;
    private final ObjectProvider<LifeEvents> lifeEvents;
    private final Clock clock;

    IndicatorController(IndicatorStore store, RatingStore ratings, PrefillTallyQueue prefills, FormCatalog forms, SourceCatalog sources,
                        ObjectProvider<LifeEvents> lifeEvents, Clock clock) {
        this.ratings = ratings;
        this.clock = clock;
        this.store = store;
        this.prefills = prefills;
        this.forms = forms;
        this.sources = sources;
        this.lifeEvents = lifeEvents;
    }

    @Operation(operationId = "indicators", summary = "The province's indicators",
            description = "Prefills and submissions recorded over the period, in total, per form and per source: coverage "
                    + "(prefilled / bound), reuse (kept / bound over valid submissions after a prefill), the share that re-entered "
                    + "nothing, the median prefill-to-submit seconds, each registry's availability, and per life event the "
                    + "suggestions shown and followed (their form prefilled for their actingFor by the same person within 24 hours); "
                    + "the dossiers' journey in total, per form, per channel and per desk unit: dossiers filed, delivered, "
                    + "deliveryFailed (failed and not delivered by the period's end), the median filing-to-delivery seconds and "
                    + "resultsReady, each counted in the period it happened in; in total and per form, declaredPrefilled (fields the "
                    + "prefills prefilled from the citizen's declared values) and attachmentsByReference of attachmentsFiled (attachment "
                    + "slots of the dossiers filed in the period filed with a document by reference, of all their slots) and their "
                    + "share attachmentsByReferenceShare; in total, per form, per channel and per desk unit, the citizens' verdict: "
                    + "ratings made in the period, responseRate (of the dossiers filed in the period, those rated at least once) and "
                    + "satisfiedShare (ratings scoring 4 or 5, of all; the provinces' target is 0.90 in 2025, 0.95 in 2026); and desk "
                    + "help: assistedFilers (people filed for at a desk in the period) and laterFiledAloneShare (of them, those who "
                    + "filed online themselves after their desk filing). "
                    + "A share with nothing to divide is null. Operators only.",
            security = @SecurityRequirement(name = "operatorToken"),
            responses = @ApiResponse(responseCode = "200", description = "the indicators of the period"),
            parameters = {
                @Parameter(name = "from", in = ParameterIn.QUERY, description = "first day, yyyy-MM-dd in Asia/Ho_Chi_Minh (default: the 1st of this month)",
                        schema = @Schema(type = "string", format = "date")),
                @Parameter(name = "to", in = ParameterIn.QUERY, description = "last day, inclusive (default: the end of this month)",
                        schema = @Schema(type = "string", format = "date"))})
    @GetMapping(path = "/api/v1/admin/indicators", produces = MediaType.APPLICATION_JSON_VALUE)
    IndicatorReport indicators(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return report(ReportPeriod.parse(from, to, clock));
    }

    /**
     * The same figures, one row for the total, one per form, one per source, one per life event, one per channel and
     * one per desk unit, for the national monitoring system.
     */
    @Operation(operationId = "indicatorsCsv", summary = "The province's indicators as CSV",
            description = "The same figures as GET /api/v1/admin/indicators, one row for the total, one per form, one per "
                    + "source, one per life event suggested (scope suggestion), one per filing channel (scope channel: ONLINE, DESK) and "
                    + "one per desk unit (scope unit), for the national monitoring system. Operators only.",
            security = @SecurityRequirement(name = "operatorToken"),
            responses = @ApiResponse(responseCode = "200", description = "text/csv, UTF-8, with a header row"),
            parameters = {
                @Parameter(name = "from", in = ParameterIn.QUERY, description = "first day, yyyy-MM-dd in Asia/Ho_Chi_Minh (default: the 1st of this month)",
                        schema = @Schema(type = "string", format = "date")),
                @Parameter(name = "to", in = ParameterIn.QUERY, description = "last day, inclusive (default: the end of this month)",
                        schema = @Schema(type = "string", format = "date"))})
    @GetMapping(path = "/api/v1/admin/indicators.csv", produces = "text/csv")
    ResponseEntity<String> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        IndicatorReport r = report(ReportPeriod.parse(from, to, clock));
        StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        row(out, "total", r, r.total());
        r.forms().forEach(f -> row(out, "form", r, f));
        for (IndicatorReport.SourceFigures s : r.sources()) {
            line(out, Stream.of("source", s.source(), null, r.from(), r.to(), null, null, null, null, null, null, null, null, null,
                    null, null, null, null, s.reads(), s.ok(), s.availability(), null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, s.name()));
        }
        for (IndicatorReport.SuggestionFigures s : r.suggestions()) {
            line(out, Stream.of("suggestion", s.lifeEvent(), null, r.from(), r.to(), null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, s.shown(), s.followed(), s.followedShare(), null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, s.title()));
        }
        r.channels().forEach(c -> journey(out, "channel", c.channel(), r, c));
        r.units().forEach(u -> journey(out, "unit", u.unit(), r, u));
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"indicators-" + r.from() + "-" + r.to() + ".csv\"")
                .body(out.toString());
    }

    private IndicatorReport report(ReportPeriod period) {
        // the tallies of prefills answered and suggestions shown before this request are counted
        prefills.flush(2000);
        try {
            List<IndicatorReport.Form> catalogue = forms.all().stream()
                    .map(f -> new IndicatorReport.Form(f.id(), f.procedureCode())).toList();
            return IndicatorReport.of(period.from(), period.to(), catalogue, store.prefills(period.start(), period.end()),
                    store.submissions(period.start(), period.end()), sources.names(), store.reads(period.start(), period.end()),
                    lifeEvents.stream().flatMap(l -> l.names().stream()).distinct().toList(),
                    store.suggestions(period.start(), period.end()), store.journeys(period.start(), period.end()),
                    ratings.within(period.start(), period.end()), store.lastOnline(period.start(), period.end()))
                    .named(lifeEvents.stream().flatMap(l -> l.titles().entrySet().stream())
                            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a)), sourceNames());
        } catch (DataAccessException e) {
            throw new ApiProblem(503, "audit-unavailable", "Indicators unavailable",
                    "the audit database cannot be read right now; try again shortly", List.of(), Map.of("Retry-After", "5"));
        }
    }

    private static void row(StringBuilder out, String scope, IndicatorReport r, IndicatorReport.Figures f) {
        line(out, Stream.of(scope, f.formId(), f.procedureCode(), r.from(), r.to(), f.prefills(), f.submissions(),
                f.validSubmissions(), f.bound(), f.prefilled(), f.kept(), f.changed(), f.coverage(), f.reuse(),
                f.reenteredNothingShare(), f.medianPrefillToSubmitSeconds(), f.medianLoginToSubmitSeconds(),
                f.loginToSubmitWithin5MinutesShare(), null, null, null, null, null, null,
                f.dossiers(), f.delivered(), f.deliveryFailed(), f.medianDeliverySeconds(), f.resultsReady(),
                f.declaredPrefilled(), f.attachmentsByReference(), f.attachmentsFiled(), f.attachmentsByReferenceShare(),
                f.ratings(), f.responseRate(), f.satisfiedShare(), f.assistedFilers(), f.laterFiledAloneShare()));
    }

    private static void journey(StringBuilder out, String scope, String id, IndicatorReport r, IndicatorReport.JourneyFigures j) {
        line(out, Stream.of(scope, id, null, r.from(), r.to(), null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, j.dossiers(), j.delivered(), j.deliveryFailed(), j.medianDeliverySeconds(),
                j.resultsReady(), null, null, null, null, j.ratings(), j.responseRate(), j.satisfiedShare(), j.assistedFilers(),
                j.laterFiledAloneShare()));
    }

    /** The sources' names in the catalogue: their schemas' titles, without what follows " — " (a note for developers). */
    private Map<String, String> sourceNames() {
        return sources.names().stream().collect(Collectors.toMap(n -> n, n -> sources.get(n).title().split(" — ")[0].strip()));
    }

    /** A row, padded with empty cells to the header's width (a row of the total, a form, a channel or a unit has no name). */
    private static void line(StringBuilder out, Stream<Object> cells) {
        List<String> row = cells.map(IndicatorController::cell).collect(Collectors.toCollection(java.util.ArrayList::new));
        while (row.size() < COLUMNS.size()) {
            row.add("");
        }
        out.append(String.join(",", row)).append("\r\n");
    }

    /** RFC 4180: empty for null, quoted when the text needs it. */
    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        return text.matches("[^\",\r\n]*") ? text : "\"" + text.replace("\"", "\"\"") + "\"";
    }
}

package vn.gov.prefill.suggestion;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
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

import vn.gov.prefill.audit.AuditUnavailableException;
import vn.gov.prefill.edge.RequestIds;
import vn.gov.prefill.edge.problem.ApiProblem;
import vn.gov.prefill.edge.problem.ApiProblem.FieldError;
import vn.gov.prefill.identity.Citizen;
import vn.gov.prefill.identity.Citizens;
import vn.gov.prefill.source.SourceCatalog;

/**
 * {@code GET /api/v1/me/suggestions[?sources=a,b]}: the procedures the signed-in person's records say are
 * due, each with how much of its form is already filled. 200 whenever the caller may ask, whatever the
 * registries did; 503 when the reads cannot be recorded, and then nothing leaves.
 */
@RestController
@Tag(name = "Suggestions")
class SuggestionController {

    private static final Logger log = LoggerFactory.getLogger(SuggestionController.class);

    private final SuggestionService service;
    private final Citizens citizens;
    private final SourceCatalog sources;

    SuggestionController(SuggestionService service, Citizens citizens, SourceCatalog sources) {
        this.service = service;
        this.citizens = citizens;
        this.sources = sources;
    }

    @Operation(operationId = "mySuggestions", summary = "What my life events call for",
            description = "Reads the signed-in person's records (births, insurance, enterprises represented, own record), "
                    + "evaluates the life-event rules and answers the procedures that are due, each with its evidence, dueBy, and "
                    + "readiness: how many of the suggested form's bound fields the records would prefill. Always 200 when "
                    + "allowed, even if every registry failed (see sources). Every read is in the disclosure log, purpose suggestions.",
            security = @SecurityRequirement(name = "citizenToken"),
            responses = @ApiResponse(responseCode = "200", description = "the suggestions, and how each registry did"),
            parameters = @Parameter(name = "sources", in = ParameterIn.QUERY, description = "comma-separated sources to read "
                    + "(the consent); rules that need another source are not evaluated. Absent: every source the rules need",
                    schema = @Schema(type = "string", example = "population,civil-status,insurance,business")))
    @GetMapping(path = "/api/v1/me/suggestions", produces = MediaType.APPLICATION_JSON_VALUE)
    SuggestionService.Answer suggestions(@RequestParam(required = false) List<String> sources, @AuthenticationPrincipal Jwt jwt,
                                         HttpServletRequest http) {
        Set<String> consented = consent(sources);
        Citizen citizen = citizens.of(jwt);
        if (citizen.isOrganisation()) {
            throw new ApiProblem(403, "organisation-account", "Organisation account",
                    "suggestions follow a person's life events; sign in as the citizen");
        }
        try {
            return service.suggest(citizen, consented, RequestIds.current(http));
        } catch (AuditUnavailableException e) {
            log.warn("suggestions refused: the disclosure log is unavailable");
            throw ApiProblem.auditUnavailable("the reads could not be recorded, so nothing is released; try again shortly");
        }
    }

    /** {@code sources=a,b} (or repeated): known source names only; absent means every source the rules need. */
    private Set<String> consent(List<String> asked) {
        if (asked == null) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        for (String part : asked) {
            for (String name : part.split(",", -1)) {
                String s = name.strip();
                if (!this.sources.contains(s)) {
                    throw ApiProblem.badRequest("invalid-parameter", "Invalid parameter", List.of(new FieldError("sources",
                            "'" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "' is not a known source (known: "
                                    + String.join(", ", this.sources.names()) + ")")));
                }
                out.add(s);
            }
        }
        return out;
    }
}

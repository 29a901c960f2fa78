package vn.gov.prefill.flow;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.gov.prefill.api.PrefillRequestBody;
import vn.gov.prefill.audit.AuditUnavailableException;
import vn.gov.prefill.audit.DisclosureLog;
import vn.gov.prefill.form.FormCatalog;
import vn.gov.prefill.form.FormDefinition;
import vn.gov.prefill.form.Forms;
import vn.gov.prefill.identity.Citizen;
import vn.gov.prefill.indicators.IndicatorLog;
import vn.gov.prefill.identity.Citizens;
import vn.gov.prefill.edge.problem.ApiProblem;
import vn.gov.prefill.edge.RequestIds;
import vn.gov.prefill.source.SourceCatalog;

@RestController
@Tag(name = "Prefill")
class PrefillController {

    private static final Logger log = LoggerFactory.getLogger(PrefillController.class);
    private final FormCatalog forms;
    private final SourceCatalog sources;
    private final Citizens citizens;
    private final ActingForVerifier actingFor;
    private final PrefillService service;
    private final DisclosureLog disclosures;
    private final PrefillTokens prefillTokens;
    private final ApplicationEventPublisher events;
    private final IndicatorLog indicators;
    private final Clock clock;

    PrefillController(FormCatalog forms, SourceCatalog sources, Citizens citizens, ActingForVerifier actingFor, PrefillService service,
                      DisclosureLog disclosures, PrefillTokens prefillTokens, ApplicationEventPublisher events,
                      IndicatorLog indicators, Clock clock) {
        this.clock = clock;
        this.events = events;
        this.indicators = indicators;
        this.forms = forms;
        this.sources = sources;
        this.citizens = citizens;
        this.actingFor = actingFor;
        this.service = service;
        this.disclosures = disclosures;
        this.prefillTokens = prefillTokens;
    }

    @Operation(operationId = "prefill", summary = "Prefill a form from the registries",
            description = "Reads the signed-in person's records (or, with actingFor, the child's or the enterprise's) from the "
                    + "registries the form binds, and answers the form's data with the source and status of every bound field. "
                    + "Answers 200 even when every registry failed: the citizen can still type. Every read is recorded in "
                    + "the disclosure log before anything is released.",
            security = @SecurityRequirement(name = "citizenToken"),
            responses = @ApiResponse(responseCode = "200", description = "the prefilled data, every bound field's status and "
                    + "source, every registry's status, and the prefillToken to submit with"),
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = PrefillRequestBody.class))))
    @PostMapping(path = "/api/v1/forms/{formId}/prefill", produces = MediaType.APPLICATION_JSON_VALUE)
    PrefillResponse prefill(@PathVariable String formId, @RequestBody(required = false) JsonNode body,
                            @AuthenticationPrincipal Jwt jwt, HttpServletRequest http) {
        long started = System.nanoTime();
        long deadline = service.deadlineFromNow();
        FormDefinition form = Forms.require(forms, formId);
        Citizen citizen = citizens.of(jwt);
        if (!citizen.meets(form.minLoa())) {
            throw new ApiProblem(403, "assurance-too-low", "Level of assurance too low",
                    "form " + form.id() + " needs " + form.minLoa() + "; this sign-in is " + (citizen.loa() == null ? "unstated" : citizen.loa()),
                    List.of(), Map.of());
        }
        PrefillRequest request = PrefillRequest.parse(body, sources.names());
        String requestId = RequestIds.current(http);
        // one deadline for verifying actingFor and for every read that follows
        Map<String, String> verification = actingFor.verify(form, citizen, request, requestId, deadline);
        PrefillResult result = service.prefill(form, citizen, request, requestId, deadline);
        try {
            disclosures.record(DisclosureRecords.of(result, verification, form, citizen, request, requestId, clock.instant()), deadline);
        } catch (AuditUnavailableException e) {
            log.warn("prefill form={} refused: the disclosure log is unavailable", form.id());
            throw ApiProblem.auditUnavailable("the read could not be recorded, so no data is released; try again shortly");
        }
        indicators.prefilled(form, result.response().fields(), result.response().sources(), started);
        String person = citizen.isOrganisation() ? citizen.enterpriseCode() : citizen.citizenId();
        events.publishEvent(new PrefillCompleted(form.id(), person, request.actingFor() == null ? null : request.actingFor().id()));
        return result.response().withPrefillToken(prefillTokens.mint(result.response(), person, result.offered(),
                declaredSubjects(form, result)));
    }

    /** The subjects other than self whose declared values this form keeps, as this prefill read them. */
    private static java.util.Map<String, String> declaredSubjects(FormDefinition form, PrefillResult result) {
        if (form.declared().isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        for (FormDefinition.Declared d : form.declared().values()) {
            if (!"self".equals(d.subject())) {
                result.reads().stream().filter(r -> r.role().equals(d.subject()) && r.id() != null).findFirst()
                        .ifPresent(r -> out.put(r.role(), r.id()));
            }
        }
        return out;
    }
}

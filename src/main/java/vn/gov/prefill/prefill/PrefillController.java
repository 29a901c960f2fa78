package vn.gov.prefill.prefill;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import vn.gov.prefill.form.FormCatalog;
import vn.gov.prefill.form.FormDefinition;
import vn.gov.prefill.form.Forms;
import vn.gov.prefill.identity.Citizen;
import vn.gov.prefill.identity.Citizens;
import vn.gov.prefill.problem.ApiProblem;
import vn.gov.prefill.problem.RequestIds;
import vn.gov.prefill.source.SourceCatalog;

@RestController
class PrefillController {

    private final FormCatalog forms;
    private final SourceCatalog sources;
    private final Citizens citizens;
    private final ActingForVerifier actingFor;
    private final PrefillService service;

    PrefillController(FormCatalog forms, SourceCatalog sources, Citizens citizens, ActingForVerifier actingFor, PrefillService service) {
        this.forms = forms;
        this.sources = sources;
        this.citizens = citizens;
        this.actingFor = actingFor;
        this.service = service;
    }

    @PostMapping(path = "/api/v1/forms/{formId}/prefill", produces = MediaType.APPLICATION_JSON_VALUE)
    PrefillResponse prefill(@PathVariable String formId, @RequestBody(required = false) JsonNode body,
                            @AuthenticationPrincipal Jwt jwt, HttpServletRequest http) {
        FormDefinition form = Forms.require(forms, formId);
        Citizen citizen = citizens.of(jwt);
        if (!citizen.meets(form.minLoa())) {
            throw new ApiProblem(403, "assurance-too-low", "Level of assurance too low",
                    "form " + form.id() + " needs " + form.minLoa() + "; this sign-in is " + (citizen.loa() == null ? "unstated" : citizen.loa()),
                    List.of(), java.util.Map.of());
        }
        PrefillRequest request = PrefillRequest.parse(body, sources.names());
        String requestId = RequestIds.current(http);
        actingFor.verify(form, citizen, request, requestId);
        return service.prefill(form, citizen, request, requestId).response();
    }
}

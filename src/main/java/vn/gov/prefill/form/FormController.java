package vn.gov.prefill.form;

import java.util.List;
import java.util.Set;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The form catalogue and each form's JSON Schema, public: a front end renders before anyone signs in. */
@RestController
@Tag(name = "Forms")
class FormController {

    @Schema(name = "FormSummary")
    record CatalogueEntry(String id, String title, String version, String procedureCode, Set<String> sources,
                          Set<String> actingFor, String minLoa) { }

    private final FormCatalog forms;

    FormController(FormCatalog forms) {
        this.forms = forms;
    }

    @Operation(operationId = "catalogue", summary = "List the forms",
            description = "Every form the gateway prefills: its procedure, the registries it reads, on whose behalf it is "
                    + "filed (actingFor) and the level of assurance it needs (minLoa). Public.",
            responses = @ApiResponse(responseCode = "200", description = "the catalogue"))
    @GetMapping(path = "/api/v1/forms", produces = MediaType.APPLICATION_JSON_VALUE)
    List<CatalogueEntry> catalogue() {
        return forms.all().stream().map(f -> new CatalogueEntry(f.id(), f.title(), f.version(), f.procedureCode(),
                f.sources(), f.actingFor(), f.minLoa())).toList();
    }

    @Operation(operationId = "formSchema", summary = "Get a form's JSON Schema",
            description = "The form's JSON Schema (draft 2020-12), ready to render, with its x-form header and the "
                    + "x-prefill binding of every prefilled field. Its shape is the shape of the form's data in a prefill "
                    + "and in a submission. Public.",
            responses = @ApiResponse(responseCode = "200", description = "the form's JSON Schema",
                    content = {@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(type = "object", description = "a JSON Schema, draft 2020-12")),
                            @Content(mediaType = "application/schema+json",
                                    schema = @Schema(type = "object", description = "a JSON Schema, draft 2020-12"))}))
    @GetMapping(path = "/api/v1/forms/{formId}", produces = {MediaType.APPLICATION_JSON_VALUE, "application/schema+json"})
    JsonNode schema(@PathVariable String formId) {
        return Forms.require(forms, formId).schema();
    }
}

package vn.gov.prefill.form;

import java.util.List;
import java.util.Set;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

/** The form catalogue and each form's JSON Schema, public: a front end renders before anyone signs in. */
@RestController
class FormController {

    record CatalogueEntry(String id, String title, String version, String procedureCode, Set<String> sources,
                          Set<String> actingFor, String minLoa) { }

    private final FormCatalog forms;

    FormController(FormCatalog forms) {
        this.forms = forms;
    }

    @GetMapping(path = "/api/v1/forms", produces = MediaType.APPLICATION_JSON_VALUE)
    List<CatalogueEntry> catalogue() {
        return forms.all().stream().map(f -> new CatalogueEntry(f.id(), f.title(), f.version(), f.procedureCode(),
                f.sources(), f.actingFor(), f.minLoa())).toList();
    }

    @GetMapping(path = "/api/v1/forms/{formId}", produces = {MediaType.APPLICATION_JSON_VALUE, "application/schema+json"})
    JsonNode schema(@PathVariable String formId) {
        return Forms.require(forms, formId).schema();
    }
}

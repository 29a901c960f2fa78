package vn.gov.prefill.submission;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import vn.gov.prefill.form.FormCatalog;
import vn.gov.prefill.form.FormDefinition;
import vn.gov.prefill.edge.problem.ApiProblem.FieldError;

/** Each form's JSON Schema, compiled at start, checking a submission's data with JSON Pointers. */
@Component
class FormValidator {

    private final Map<String, JsonSchema> schemas;

    FormValidator(FormCatalog forms) {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true).build();
        Map<String, JsonSchema> compiled = new LinkedHashMap<>();
        for (FormDefinition form : forms.all()) {
            try {
                JsonSchema schema = factory.getSchema(form.schema(), config);
                schema.initializeValidators();
                compiled.put(form.id(), schema);
            } catch (RuntimeException e) {
                throw new IllegalStateException(form.file() + ": not a usable JSON Schema: " + e.getMessage(), e);
            }
        }
        this.schemas = Collections.unmodifiableMap(compiled);
    }

    /** Every violation of the form's schema, at its JSON Pointer in the data. */
    List<FieldError> violations(FormDefinition form, JsonNode data) {
        List<FieldError> out = new ArrayList<>();
        for (ValidationMessage m : schemas.get(form.id()).validate(data)) {
            String pointer = m.getInstanceLocation() == null ? "" : m.getInstanceLocation().toString();
            String property = m.getProperty();
            if ("required".equals(m.getType()) && property != null) {
                pointer = pointer + "/" + property;
            }
            out.add(new FieldError(pointer, m.getMessage().replaceFirst("^/[^:]*: ", "")));
        }
        return out;
    }
}

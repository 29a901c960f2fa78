package vn.gov.prefill.api;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;

import vn.gov.prefill.source.ReadStatus;

/**
 * Types what springdoc cannot see in the answers' Java types: the status enums as shared components,
 * form data as the form's own JSON Schema, the problem document, and the properties every answer
 * carries. A schema this names but springdoc no longer generates fails the document, not silently.
 */
@Component
public class ApiSchemas implements OpenApiCustomizer {

    /** Field flags: the data-quality checks against the personal number, and the 2025 unit conversion. */
    static final List<String> FLAGS = List.of("ID_SEX_MISMATCH", "ID_BIRTH_YEAR_MISMATCH",
            "CONVERTED_TO_2025_UNITS", "UNIT_AMBIGUOUS", "UNIT_UNKNOWN", "UNIT_PROVINCE_MISMATCH", "SELF_DECLARED");

    @Override
    public void customise(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        for (Type documented : List.of(Problem.class, Address.class)) {
            schemas.putAll(ModelConverters.getInstance(true).readAll(documented));
        }
        schemas.put("FormData", object().additionalProperties(true).description(
                "The form's own data: its shape is the form's JSON Schema (GET /api/v1/forms/{formId}), which differs from "
                        + "form to form. A prefill's data holds only the bound fields that were prefilled, at their place in "
                        + "that schema; addresses are Address objects."));
        schemas.put("SourceStatus", enumOf("How a registry did: UNAVAILABLE is a connection failure, a 5xx or an open circuit; "
                + "REJECTED the agency refused (authorisation, quota); INVALID_RESPONSE unparseable or off its schema; SKIPPED "
                + "not needed, or needed a value another source failed to give.",
                Arrays.stream(ReadStatus.values()).map(Enum::name).toList()));
        schemas.put("Flag", enumOf("A remark on a prefilled value, never a refusal.", FLAGS));
        schemas.put("ActingForType", enumOf("On whose behalf a form is filed.", List.of("CHILD", "ENTERPRISE")));
        schemas.put("LevelOfAssurance", enumOf("The sign-in's level of assurance.", List.of("LoA1", "LoA2")));

        Schema<?> fieldStatus = property(schemas, "FieldOutcome", "status");
        schemas.put("FieldStatus", fieldStatus.description("PREFILLED; EMPTY (the source answered without a value); "
                + "SOURCE_FAILED (see sources); NOT_CONSENTED; CONFLICT (value by the binding's precedence, alternatives "
                + "with their sources)."));
        setProperty(schemas, "FieldOutcome", "status", ref("FieldStatus"));
        setProperty(schemas, "FieldOutcome", "flags", array(ref("Flag")));
        setProperty(schemas, "PrefillResponse", "data", ref("FormData"));
        setProperty(schemas, "SubmissionRequest", "data", ref("FormData").description("the filled form"));
        setProperty(schemas, "FilingRequest", "data", ref("FormData").description("the filled form"));
        setProperty(schemas, "FieldOutcome", "value", anyValue("in CONFLICT: the value taken by the binding's precedence"));
        setProperty(schemas, "Alternative", "value", anyValue("the value this source gave"));
        dropIfUnused(api, "JsonNode");
        setProperty(schemas, "SourceSummary", "status", ref("SourceStatus").description("a failure outranks an answer"));
        setProperty(schemas, "ReadSummary", "status", ref("SourceStatus"));
        setProperty(schemas, "Disclosure", "sources", object().additionalProperties(ref("SourceStatus"))
                .description("each registry read about you, with how it did"));
        setProperty(schemas, "Disclosure", "actingFor", ref("ActingForType"));
        setProperty(schemas, "FormSummary", "actingFor", array(ref("ActingForType")));
        setProperty(schemas, "FormSummary", "minLoa", ref("LevelOfAssurance"));

        // the indicators: a share with nothing to divide is null, present (GATEWAY-API.md, "Operators and indicators")
        nullable(schemas, "Figures", "coverage", "reuse", "reenteredNothingShare", "medianPrefillToSubmitSeconds",
                "medianLoginToSubmitSeconds", "loginToSubmitWithin5MinutesShare", "medianDeliverySeconds", "attachmentsByReferenceShare",
                "responseRate", "satisfiedShare", "laterFiledAloneShare");
        nullable(schemas, "SourceFigures", "availability");
        nullable(schemas, "SuggestionFigures", "followedShare");
        // the dossiers' journey: no median without a delivery in the period
        nullable(schemas, "JourneyFigures", "medianDeliverySeconds", "responseRate", "satisfiedShare", "laterFiledAloneShare");
        require(schemas, "IndicatorReport", "from", "to", "total", "forms", "sources", "suggestions", "channels", "units");
        require(schemas, "JourneyFigures", "dossiers", "delivered", "deliveryFailed", "medianDeliverySeconds", "resultsReady",
                "ratings", "responseRate", "satisfiedShare", "assistedFilers", "laterFiledAloneShare");
        require(schemas, "SuggestionFigures", "lifeEvent", "shown", "followed", "followedShare");

        require(schemas, "PrefillResponse", "requestId", "formId", "formVersion", "data", "fields", "sources", "prefillToken");
        require(schemas, "FieldOutcome", "status");
        require(schemas, "SourceSummary", "status", "latencyMs");
        require(schemas, "ReadSummary", "subject", "status", "latencyMs");
        require(schemas, "Alternative", "value", "source");
        require(schemas, "SubmissionVerdict", "valid", "reuse");
        require(schemas, "Reuse", "bound", "prefilled", "kept", "changed");
        require(schemas, "FormSummary", "id", "title", "version", "procedureCode", "sources", "actingFor", "minLoa");
        require(schemas, "DisclosurePage", "page", "size", "total", "items");
        require(schemas, "Disclosure", "at", "requestId", "form", "subjectRole", "readByYou", "sources", "releasedPointers");
    }

    /** springdoc's name for Jackson's JsonNode, whose schema says nothing; kept only while something still uses it. */
    private static void dropIfUnused(OpenAPI api, String component) {
        Schema<?> schema = api.getComponents().getSchemas().remove(component);
        if (schema != null && Json31.pretty(api).contains("\"#/components/schemas/" + component + "\"")) {
            api.getComponents().getSchemas().put(component, schema);
        }
    }

    static Schema<?> ref(String component) {
        return new Schema<>().$ref("#/components/schemas/" + component);
    }

    private static Schema<Object> anyValue(String description) {
        return new Schema<>().description(description + " (any JSON value, shaped as the field)");
    }

    private static Schema<Object> object() {
        return new Schema<>().type("object").types(Set.of("object"));
    }

    private static Schema<?> array(Schema<?> items) {
        return new Schema<>().type("array").types(Set.of("array")).items(items);
    }

    private static Schema<String> enumOf(String description, List<String> values) {
        Schema<String> schema = new Schema<String>().type("string").types(Set.of("string")).description(description);
        schema.setEnum(new ArrayList<>(values));
        return schema;
    }

    private static Schema<?> component(Map<String, Schema> schemas, String name) {
        Schema<?> schema = schemas.get(name);
        if (schema == null || schema.getProperties() == null) {
            throw new IllegalStateException("OpenAPI: springdoc no longer generates the schema " + name);
        }
        return schema;
    }

    private static Schema<?> property(Map<String, Schema> schemas, String name, String property) {
        Schema<?> schema = component(schemas, name).getProperties().get(property);
        if (schema == null) {
            throw new IllegalStateException("OpenAPI: schema " + name + " has no property " + property);
        }
        return schema;
    }

    private static void setProperty(Map<String, Schema> schemas, String name, String property, Schema<?> replacement) {
        property(schemas, name, property);
        component(schemas, name).getProperties().put(property, replacement);
    }

    private static void nullable(Map<String, Schema> schemas, String name, String... properties) {
        for (String property : properties) {
            Schema<?> schema = property(schemas, name, property);
            Set<String> types = new java.util.LinkedHashSet<>(schema.getTypes() != null ? schema.getTypes()
                    : schema.getType() != null ? Set.of(schema.getType()) : Set.of("number"));
            types.add("null");
            schema.setTypes(types);
        }
    }

    private static void require(Map<String, Schema> schemas, String name, String... properties) {
        for (String property : properties) {
            property(schemas, name, property);
        }
        component(schemas, name).setRequired(List.of(properties));
    }
}

package vn.gov.prefill.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.gov.prefill.binding.CodeLists;
import vn.gov.prefill.binding.Transforms;
import vn.gov.prefill.config.GatewayProperties;
import vn.gov.prefill.source.SourceCatalog;

/** A form whose bindings do not resolve is refused at start, naming the file and the JSON Pointer. */
class BindingStartupChecksTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final GatewayProperties DEFAULTS = new GatewayProperties();
    static final SourceCatalog SOURCES = new SourceCatalog(DEFAULTS, JSON);
    static final Transforms TRANSFORMS = new Transforms(new CodeLists(DEFAULTS, JSON));

    @TempDir
    Path dir;

    /**
     * Copies a shipped form into a temporary forms directory with one value replaced at a JSON Pointer (a value
     * starting with '[' is a JSON array), and loads it.
     */
    FormCatalog load(String form, String... pointersAndValues) throws IOException {
        JsonNode schema = JSON.readTree(Path.of("schemas/forms", form + ".schema.json").toFile());
        for (int i = 0; i < pointersAndValues.length; i += 2) {
            String pointer = pointersAndValues[i];
            int slash = pointer.lastIndexOf('/');
            JsonNode parent = schema.at(pointer.substring(0, slash));
            String field = pointer.substring(slash + 1);
            assertThat(parent.isObject() && parent.has(field)).as("the replacement must apply at " + pointer).isTrue();
            String value = pointersAndValues[i + 1];
            if (value.startsWith("[")) {
                ((ObjectNode) parent).set(field, JSON.readTree(value));
            } else {
                ((ObjectNode) parent).put(field, value);
            }
        }
        Files.writeString(dir.resolve(form + ".schema.json"), JSON.writeValueAsString(schema));
        GatewayProperties properties = new GatewayProperties();
        properties.getPaths().setForms(dir.toString());
        return new FormCatalog(properties, JSON, SOURCES, TRANSFORMS);
    }

    @Test
    void theShippedFormsLoadWithTheFieldsTheContractFixes() {
        FormCatalog forms = new FormCatalog(DEFAULTS, JSON, SOURCES, TRANSFORMS);
        // the contract's 15, and the phone and e-mail a citizen declares once
        assertThat(forms.get("criminal-record-request").fields()).hasSize(17);
        assertThat(forms.get("criminal-record-request").declared()).containsOnlyKeys("/applicant/phone", "/applicant/email");
        assertThat(forms.get("criminal-record-request").declared().get("/applicant/phone"))
                .isEqualTo(new FormDefinition.Declared("contact.phone", "self"));
        assertThat(forms.get("enterprise-change-notice").fields()).hasSize(14);
        assertThat(forms.get("enterprise-change-notice").sources()).containsExactlyInAnyOrder("business", "population", "declared");
        assertThat(forms.get("enterprise-change-notice").declared().get("/enterprise/email"))
                .isEqualTo(new FormDefinition.Declared("contact.email", "enterprise"));
    }

    @Test
    void anUnknownDeclaredKeyOrAFieldOfAnotherTypeIsNamedWithFileAndPointer() {
        assertThatThrownBy(() -> load("criminal-record-request", "/properties/applicant/properties/phone/x-declare", "contact.fax"))
                .isInstanceOf(FormDefinitionException.class)
                .hasMessageContaining("criminal-record-request.schema.json: /properties/applicant/properties/phone/x-declare")
                .hasMessageContaining("unknown declared key 'contact.fax'").hasMessageContaining("contact.phone");
        assertThatThrownBy(() -> load("criminal-record-request", "/properties/applicant/properties/phone/type", "integer"))
                .isInstanceOf(FormDefinitionException.class)
                .hasMessageContaining("/properties/applicant/properties/phone/type")
                .hasMessageContaining("declared key 'contact.phone' holds 'string' values");
        assertThatThrownBy(() -> load("criminal-record-request", "/properties/applicant/properties/phone/x-prefill/path", "/contact.email"))
                .isInstanceOf(FormDefinitionException.class)
                .hasMessageContaining("/properties/applicant/properties/phone/x-declare")
                .hasMessageContaining("it must read the key it declares, '/contact.phone'");
    }

    @Test
    void unknownSourceIsNamedWithFileAndPointer() {
        assertThatThrownBy(() -> load("criminal-record-request", "/properties/applicant/properties/fullName/x-prefill/from", "populaton@self"))
                .isInstanceOf(FormDefinitionException.class)
                .hasMessageContaining("criminal-record-request.schema.json: /properties/applicant/properties/fullName/x-prefill/from")
                .hasMessageContaining("unknown source 'populaton'");
    }

    @Test
    void pathAbsentFromTheSourceSchemaIsNamed() {
        assertThatThrownBy(() -> load("criminal-record-request", "/properties/applicant/properties/nationality/x-prefill/path", "/QuocTịch"))
                .isInstanceOf(FormDefinitionException.class)
                .hasMessageContaining("/properties/applicant/properties/nationality/x-prefill/path")
                .hasMessageContaining("'/QuocTịch' is not in schemas/sources/population.schema.json");
    }

    @Test
    void unknownTransformIsNamed() {
        assertThatThrownBy(() -> load("criminal-record-request", "/properties/applicant/properties/ethnicity/x-prefill/transform", "codelist:ethnicities"))
                .isInstanceOf(FormDefinitionException.class)
                .hasMessageContaining("/properties/applicant/properties/ethnicity/x-prefill/transform")
                .hasMessageContaining("codelist:ethnicities names no code list");
        assertThatThrownBy(() -> load("criminal-record-request", "/properties/applicant/properties/fullName/x-prefill/transform", "fulName"))
                .hasMessageContaining("unknown transform 'fulName'");
    }

    @Test
    void undefinedSubjectIsNamed() {
        assertThatThrownBy(() -> load("criminal-record-request", "/properties/spouse/properties/fullName/x-prefill/0/from", "population@wife"))
                .hasMessageContaining("/properties/spouse/properties/fullName/x-prefill/0/from")
                .hasMessageContaining("unknown subject 'wife'");
    }

    @Test
    void subjectPathAbsentFromTheSourceSchemaIsNamed() {
        assertThatThrownBy(() -> load("criminal-record-request", "/x-form/subjects/spouse/id/path", "/VoChong/SoDinhDanhh"))
                .hasMessageContaining("/x-form/subjects/spouse/id/path");
    }

    @Test
    void aCitizenSubjectCannotKeyAnEnterpriseRegistry() {
        assertThatThrownBy(() -> load("criminal-record-request", "/properties/applicant/properties/fullName/x-prefill/from", "business@self"))
                .hasMessageContaining("source 'business' is keyed by ENTERPRISE_CODE, which subject 'self' is not");
    }

    @Test
    void arrayElementPathsAreCheckedAgainstTheElementsOfTheSourceArray() {
        assertThatThrownBy(() -> load("enterprise-change-notice", "/properties/enterprise/properties/businessLines/items/properties/code/x-prefill/path", "/MaNganhh"))
                .hasMessageContaining("/properties/enterprise/properties/businessLines/items/properties/code/x-prefill/path")
                .hasMessageContaining("'/MaNganhh' is not in the elements of /NganhNgheKinhDoanh");
    }

    @Test
    void subjectsThatDependOnEachOtherInACycleAreRefused() {
        assertThatThrownBy(() -> load("criminal-record-request",
                "/x-form/subjects/father/id/from", "population@mother", "/x-form/subjects/mother/id/from", "population@father")).satisfies(e -> assertThat(e.getMessage()).contains("cycle").contains("/x-form/subjects/"));
    }

    @Test
    void theShippedFormsDeclareTheirAttachmentSlots() {
        FormCatalog forms = new FormCatalog(DEFAULTS, JSON, SOURCES, TRANSFORMS);
        assertThat(forms.get("child-health-insurance").attachments()).containsExactly(java.util.Map.entry("/attachments/birthCertificate",
                new FormDefinition.Attachment("/attachments/birthCertificate", "Giấy khai sinh của trẻ", java.util.List.of("KQ.GKS"), "child")));
        assertThat(forms.get("criminal-record-request").attachments().get("/attachments/previousCertificate").accepts())
                .containsExactly("KQ.LLTP");
        // the slot's read is one of the form's reads
        assertThat(forms.get("criminal-record-request").sources()).contains("dossiers");
        assertThat(forms.get("residence-change").attachments()).isEmpty();
    }

    @Test
    void anAttachmentSlotWithBadAcceptsOrAnUnknownSubjectIsNamedWithFileAndPointer() {
        String slot = "/properties/attachments/properties/previousCertificate";
        assertThatThrownBy(() -> load("criminal-record-request", slot + "/x-attachment/accepts", "KQ.LLTP"))
                .isInstanceOf(FormDefinitionException.class)
                .hasMessageContaining("criminal-record-request.schema.json: " + slot + "/x-attachment/accepts")
                .hasMessageContaining("must be a non-empty array of document types");
        assertThatThrownBy(() -> load("criminal-record-request", slot + "/x-attachment/accepts", "[]"))
                .hasMessageContaining(slot + "/x-attachment/accepts: must be a non-empty array");
        assertThatThrownBy(() -> load("criminal-record-request", slot + "/x-attachment/accepts", "[\"KQ.LLTP\", \"GKS\"]"))
                .hasMessageContaining(slot + "/x-attachment/accepts/1").hasMessageContaining("'GKS' is not a document type");
        assertThatThrownBy(() -> load("criminal-record-request", slot + "/x-attachment/of", "grandmother"))
                .isInstanceOf(FormDefinitionException.class)
                .hasMessageContaining("criminal-record-request.schema.json: " + slot + "/x-attachment/of")
                .hasMessageContaining("unknown subject 'grandmother'");
        assertThatThrownBy(() -> load("criminal-record-request", slot + "/title", ""))
                .hasMessageContaining(slot + "/title: required");
        assertThatThrownBy(() -> load("criminal-record-request", "/required", "[\"applicant\", \"attachments\"]"))
                .hasMessageContaining("/required: attachments are filed by reference");
    }
}

package vn.gov.prefill.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.DiscriminatorMapping;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The prefill's body as the OpenAPI document shows it. Documentation only: the controller reads the
 * body itself ({@code PrefillRequest.parse}), so that an unknown property or a malformed number is a
 * 400 problem naming the field.
 */
@Schema(name = "PrefillRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE,
        description = "All optional: no body, or {}, prefills the form for the signed-in person.")
public record PrefillRequestBody(
        @Schema(description = "On whose behalf the signed-in person fills the form. Forms that are filed for a child or an "
                + "enterprise (the catalogue's actingFor) need it; the gateway verifies the relation at the source "
                + "and answers 403 when it does not hold.")
        ActingFor actingFor,
        @Schema(description = "Limits the registries read; fields from the others come back NOT_CONSENTED.")
        Consent consent) {

    /** CHILD or ENTERPRISE, told apart by {@code type}. */
    @Schema(name = "ActingFor", oneOf = {Child.class, Enterprise.class}, discriminatorProperty = "type",
            discriminatorMapping = {@DiscriminatorMapping(value = "CHILD", schema = Child.class),
                    @DiscriminatorMapping(value = "ENTERPRISE", schema = Enterprise.class)})
    public interface ActingFor { }

    @Schema(name = "ActingForChild", additionalProperties = Schema.AdditionalPropertiesValue.FALSE,
            description = "A child whose birth registration (civil-status) names the signed-in person as father or mother.")
    public record Child(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = "CHILD") String type,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^[0-9]{12}$", examples = "027224009876",
                    description = "the child's 12-digit personal number (số định danh cá nhân)") String citizenId) { }

    @Schema(name = "ActingForEnterprise", additionalProperties = Schema.AdditionalPropertiesValue.FALSE,
            description = "An enterprise the business registry lists the signed-in person as legal representative of, "
                    + "or the enterprise of an organisation account.")
    public record Enterprise(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = "ENTERPRISE") String type,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^[0-9]{10}(-[0-9]{3})?$", examples = "2401122337",
                    description = "the 10-digit enterprise code (mã số doanh nghiệp), with -NNN for a branch") String enterpriseCode) { }

    @Schema(name = "Consent", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    public record Consent(
            @ArraySchema(arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "the registries the citizen agrees to have read, by the names of the catalogue's sources"),
                    schema = @Schema(example = "population"))
            List<String> sources) { }
}

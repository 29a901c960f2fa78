package vn.gov.prefill.config;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;

/**
 * The OpenAPI document served at /v3/api-docs (and browsed at /swagger-ui.html): this API as
 * GATEWAY-API.md fixes it, and how to sign in. The operations that need a citizen token say so
 * themselves; the schemas and problem answers springdoc cannot infer are added by {@code vn.gov.prefill.api}.
 */
@Configuration
class OpenApiDocument {

    @Bean
    OpenAPI prefillGatewayApi() {
        return new OpenAPI()
                .info(new Info().title("Prefill gateway").version("v1")
                        .description("Prefills e-forms from the registries the state already holds. Every value comes with its "
                                + "source (fields), every registry with its status (sources). Errors are RFC 9457 problems "
                                + "(application/problem+json). Sign in with the national portal's citizen JWT (RS256); "
                                + "while the mocks are on, POST /api/v1/demo/tokens mints one for a persona: paste its "
                                + "access_token into Authorize."))
                .tags(List.of(
                        new Tag().name("Forms").description("The catalogue and each form's JSON Schema, with its x-prefill "
                                + "bindings: public, so a front end renders before anyone signs in."),
                        new Tag().name("Prefill").description("Read the signed-in person's records and map them into a form, "
                                + "with the source and status of every field."),
                        new Tag().name("Submissions").description("Check a filled form before it is filed: its schema, its "
                                + "locked values, and how much of the prefill was kept."),
                        new Tag().name("Disclosures").description("Who read which of my data, when, for which form."),
                        new Tag().name("Suggestions").description("The procedures the person's life events call for, found in "
                                + "the registries, each with how much of its form is already filled."),
                        new Tag().name("Dossiers").description("File a checked form, follow its delivery to the province's "
                                + "handling system and its progress; operators list failed deliveries and deliver again."),
                        new Tag().name("Declared once").description("What I declared in earlier filings and agreed to have "
                                + "kept (phone, e-mail…): offered again by the prefill, listed and erased here."),
                        new Tag().name("Indicators").description("The province's monthly indicators, for operators."),
                        new Tag().name("Demo identity").description("Sign in as a persona of the mocked registries; only "
                                + "while gateway.mocks.enabled is true (404 otherwise).")))
                .components(new Components().addSecuritySchemes("citizenToken", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("the citizen identity token of the national portal (VNeID), RS256"))
                        .addSecuritySchemes("operatorToken", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("a token of the same identity provider whose roles claim holds OPERATOR")));
    }
}

package vn.gov.prefill.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The OpenAPI document served at /v3/api-docs: this API as GATEWAY-API.md fixes it, and how to sign in. */
@Configuration
class OpenApiDocument {

    @Bean
    OpenAPI prefillGatewayApi() {
        return new OpenAPI()
                .info(new Info().title("Prefill gateway").version("v1")
                        .description("Prefills e-forms from the registries the state already holds. Every value comes with its "
                                + "source (fields), every registry with its status (sources). Errors are RFC 9457 problems "
                                + "(application/problem+json). Sign in with the national portal's citizen JWT (RS256); "
                                + "while the mocks are on, POST /api/v1/demo/tokens mints one for a persona."))
                .components(new Components().addSecuritySchemes("citizenToken", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("the citizen identity token of the national portal (VNeID), RS256")))
                .addSecurityItem(new SecurityRequirement().addList("citizenToken"));
    }
}

package vn.gov.prefill.mocks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One entry of {@code mocks/personas.json}: a person or enterprise the mocked registries know. The situation is in
 * English (the testers' words, as docs/personas.md has it); situationVi says it in Vietnamese, for the demo sign-in.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Persona(String id,
                      @Schema(description = "the data situation or fault the persona reproduces, in English") String situation,
                      String citizenId, String fullName, String accountType, String loa, String enterpriseCode,
                      @Schema(description = "the same situation in Vietnamese (the reference page's sign-in shows it); absent on older mocks")
                      String situationVi) {

    public Persona(String id, String situation, String citizenId, String fullName, String accountType, String loa, String enterpriseCode) {
        this(id, situation, citizenId, fullName, accountType, loa, enterpriseCode, null);
    }
}

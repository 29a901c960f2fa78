package vn.gov.prefill.mocks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One entry of {@code mocks/personas.json}: a person or enterprise the mocked registries know. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Persona(String id, String situation, String citizenId, String fullName,
                      String accountType, String loa, String enterpriseCode) {
}

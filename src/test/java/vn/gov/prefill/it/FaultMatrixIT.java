package vn.gov.prefill.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import vn.gov.prefill.docs.DocSections;
import vn.gov.prefill.domain.Identifiers;
import vn.gov.prefill.source.SourceFetcher;

/**
 * Every fault of every registry (stubs under mocks/mappings/faults/), driven over HTTP: the prefill
 * answers 200, the failing registry has the expected status (a registry slower than the deadline is
 * TIMEOUT: the gateway gave up rather than waited; how long answers take is the benchmark's) and its fields are
 * SOURCE_FAILED (EMPTY when it answered "not found"), and the fields of the registries that did not
 * fail are still prefilled. The fault-matrix table of docs/registry-failures.md is this test's result.
 */
class FaultMatrixIT extends GatewayTestSupport {

    static final List<String> FAULTS = List.of("slow", "reset", "empty", "chunk", "random", "truncated", "schema",
            "http500", "http502", "http503", "http504", "agency", "rejected", "unauthorized", "notfound");

    static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    static {
        for (String f : FAULTS) {
            EXPECTED.put(f, switch (f) {
                case "slow" -> "TIMEOUT";
                case "truncated", "schema" -> "INVALID_RESPONSE";
                case "rejected", "unauthorized" -> "REJECTED";
                case "notfound" -> "NOT_FOUND";
                default -> "UNAVAILABLE";
            });
        }
    }

    /** How a registry is exercised: the form, who signs in, the body, the fields it alone fills, and a field another registry fills. */
    record Cell(String registry, String form, Map<String, Object> tokenRequest, String body, List<String> ownFields,
                Map<String, String> otherSources, List<String> otherFields) { }

    @Autowired
    SourceFetcher fetcher;

    static String citizen(int registryDigit, int fault) {
        return String.format("00109%d0000%02d", registryDigit, fault);
    }

    static String enterprise(int fault) {
        String code = String.format("799000%03d", fault);
        for (String prefix : List.of("799", "798")) {
            String nine = prefix + code.substring(3);
            for (int check = 0; check <= 9; check++) {
                if (Identifiers.enterpriseCodeProblem(nine + check) == null) {
                    return nine + check;
                }
            }
        }
        throw new IllegalStateException("no valid code for fault " + fault);
    }

    static Cell cell(String registry, int fault) {
        return switch (registry) {
            case "population" -> new Cell(registry, "household-business-registration", Map.of("citizenId", citizen(1, fault)), null,
                    List.of("/owner/citizenId", "/owner/ethnicity", "/owner/permanentResidence"),
                    Map.of("insurance", "OK"), List.of("/owner/fullName", "/owner/dateOfBirth", "/owner/sex"));
            case "business" -> new Cell(registry, "enterprise-change-notice", Map.of("enterpriseCode", enterprise(fault)),
                    "{\"actingFor\": {\"type\": \"ENTERPRISE\", \"enterpriseCode\": \"" + enterprise(fault) + "\"}}",
                    List.of("/enterprise/name", "/enterprise/headOffice", "/enterprise/businessLines"), Map.of(), List.of());
            case "civil-status" -> new Cell(registry, "birth-registration", Map.of("citizenId", citizen(2, fault)), null,
                    List.of("/mother/fullName", "/father/citizenId"),
                    Map.of("population", "OK"), List.of("/requester/fullName", "/requester/citizenId", "/requester/residence"));
            case "insurance" -> new Cell(registry, "household-business-registration", Map.of("citizenId", citizen(3, fault)), null,
                    List.of(), Map.of("population", "OK"), List.of("/owner/fullName", "/owner/dateOfBirth", "/owner/citizenId"));
            case "dossiers" -> new Cell(registry, "child-health-insurance", Map.of("citizenId", "001090000099"),
                    "{\"actingFor\": {\"type\": \"CHILD\", \"citizenId\": \"" + citizen(4, fault) + "\"}}",
                    List.of("/birthCertificate/number", "/birthCertificate/fileUrl", "/birthCertificate/hash"),
                    Map.of("population", "OK", "insurance", "OK"),
                    List.of("/child/fullName", "/child/citizenId", "/parent/fullName", "/parent/socialInsuranceNumber"));
            default -> throw new IllegalArgumentException(registry);
        };
    }

    @Test
    void everyFaultOfEveryRegistryCostsOnlyItsOwnFieldsAndNeverTheDeadline() throws Exception {
        List<String> registries = List.of("population", "business", "civil-status", "insurance", "dossiers");
        Map<String, Map<String, String>> table = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String fault : FAULTS) {
            for (String registry : registries) {
                if (fault.equals("unauthorized") && (registry.equals("insurance") || registry.equals("dossiers"))) {
                    continue; // API-key registries: a 401 is "rejected", covered by that row
                }
                registries.forEach(r -> fetcher.breaker(r).reset());
                int index = FAULTS.indexOf(fault) + 1;
                Cell cell = cell(registry, index);
                String token = token(cell.tokenRequest());
                Answer a = prefill(cell.form(), token, cell.body());
                String where = registry + "/" + fault + ": ";
                if (a.status() != 200) {
                    problems.add(where + "HTTP " + a.status() + " " + a.raw().body());
                    continue;
                }
                String status = a.body().at("/sources/" + registry + "/status").asText();
                table.computeIfAbsent(fault, f -> new LinkedHashMap<>()).put(registry, status);
                if (!status.equals(EXPECTED.get(fault)) && !(fault.equals("notfound") && registry.equals("dossiers") && status.equals("OK"))) {
                    problems.add(where + "source status " + status + ", expected " + EXPECTED.get(fault));
                }
                String fieldStatus = fault.equals("notfound") ? "EMPTY" : "SOURCE_FAILED";
                for (String p : cell.ownFields()) {
                    JsonNode f = a.body().get("fields").get(p);
                    if (f == null || !f.get("status").asText().equals(fieldStatus)) {
                        problems.add(where + p + " is " + (f == null ? "absent" : f.get("status").asText()) + ", expected " + fieldStatus);
                    }
                }
                cell.otherSources().forEach((other, expected) -> {
                    String s = a.body().at("/sources/" + other + "/status").asText();
                    if (!s.equals(expected)) {
                        problems.add(where + "unaffected source " + other + " is " + s);
                    }
                });
                for (String p : cell.otherFields()) {
                    String s = a.body().get("fields").get(p).get("status").asText();
                    if (!s.equals("PREFILLED")) {
                        problems.add(where + "unaffected field " + p + " is " + s);
                    }
                }
            }
        }
        registries.forEach(r -> fetcher.breaker(r).reset());

        StringBuilder readme = new StringBuilder("| fault | " + String.join(" | ", registries) + " |\n|---|"
                + "---|".repeat(registries.size()) + "\n");
        table.forEach((fault, row) -> {
            readme.append("| `").append(fault).append("` |");
            registries.forEach(r -> readme.append(' ').append(row.containsKey(r) ? "`" + row.get(r) + "`" : "—").append(" |"));
            readme.append('\n');
        });
        DocSections.check("docs/registry-failures.md", "fault-matrix", readme.toString());
        assertThat(problems).as("cells that broke the promise").isEmpty();
    }
}

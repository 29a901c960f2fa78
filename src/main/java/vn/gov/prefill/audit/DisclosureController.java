package vn.gov.prefill.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.gov.prefill.identity.Citizen;
import vn.gov.prefill.identity.Citizens;
import vn.gov.prefill.edge.QueryParameters;
import vn.gov.prefill.edge.problem.ApiProblem;
import vn.gov.prefill.edge.problem.ApiProblem.FieldError;

/**
 * {@code GET /api/v1/me/disclosures}: the signed-in person's (or organisation's) own records, newest
 * first: who read which of their data, when, for which form. Only records whose subject is the caller;
 * the number of whoever else signed in never leaves.
 */
@RestController
@Tag(name = "Disclosures")
class DisclosureController {

    static final int MAX_SIZE = 100;
    static final int MAX_PAGE = 1_000_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcDisclosureLog disclosures;
    private final Citizens citizens;

    DisclosureController(JdbcDisclosureLog disclosures, Citizens citizens) {
        this.disclosures = disclosures;
        this.citizens = citizens;
    }

    @Schema(name = "DisclosurePage")
    record Page(int page, int size, long total, List<Item> items) { }

    @Schema(name = "Disclosure")
    record Item(String at, String requestId, String client, Form form, String subjectRole, String actingFor, boolean readByYou,
                Map<String, String> sources, List<String> releasedPointers, List<String> consentedSources,
                @Schema(description = "the one-stop desk whose officer read with you beside them; absent when you read alone")
                @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                AtDesk desk) { }

    @Schema(name = "DisclosureDesk", requiredProperties = {"officer", "unit", "text"})
    record AtDesk(@Schema(description = "the officer's code (MaCanBo)") String officer,
                  @Schema(description = "the unit's code (MaDonVi)") String unit,
                  @Schema(description = "the unit's name (TenDonVi), when known") String unitName,
                  @Schema(example = "tại Bộ phận Một cửa phường Kinh Bắc (000.27.31.H09), cán bộ CB.27.0042",
                          description = "the same, said to the citizen") String text) {

        static AtDesk of(Map<String, String> desk) {
            String unit = desk.get("unit");
            String unitName = desk.get("unitName");
            String where = unitName == null ? "Bộ phận một cửa " + unit : unitName + " (" + unit + ")";
            return new AtDesk(desk.get("officer"), unit, unitName, "tại " + where + ", cán bộ " + desk.get("officer"));
        }
    }

    @Schema(name = "DisclosedForm")
    record Form(String id, String version, String procedureCode) { }

    @Operation(operationId = "myDisclosures", summary = "Who read my data",
            description = "The disclosure log's records about the signed-in person (or organisation), newest first: "
                    + "when, by which e-form client, for which form, from which registries, and which fields were released.",
            security = @SecurityRequirement(name = "citizenToken"),
            responses = @ApiResponse(responseCode = "200", description = "one page of the records about you"),
            parameters = {
                @Parameter(name = "page", in = ParameterIn.QUERY, description = "0-based page, newest first",
                        schema = @Schema(type = "integer", minimum = "0", maximum = "1000000", defaultValue = "0")),
                @Parameter(name = "size", in = ParameterIn.QUERY, description = "records per page",
                        schema = @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "20"))})
    @GetMapping(path = "/api/v1/me/disclosures", produces = MediaType.APPLICATION_JSON_VALUE)
    Page mine(@RequestParam(required = false) String page, @RequestParam(required = false) String size,
              @AuthenticationPrincipal Jwt jwt) {
        List<FieldError> errors = new ArrayList<>();
        int p = QueryParameters.integer("page", page, 0, 0, MAX_PAGE, errors);
        int s = QueryParameters.integer("size", size, 20, 1, MAX_SIZE, errors);
        if (!errors.isEmpty()) {
            throw ApiProblem.badRequest("invalid-parameter", "Invalid parameter", errors);
        }
        Citizen citizen = citizens.of(jwt);
        String me = citizen.isOrganisation() ? citizen.enterpriseCode() : citizen.citizenId();
        try {
            long total = disclosures.countAbout(me);
            List<Item> items = disclosures.about(me, (long) p * s, s).stream().map(DisclosureController::item).toList();
            return new Page(p, s, total, items);
        } catch (DataAccessException e) {
            throw ApiProblem.auditUnavailable("the disclosure log cannot be read right now; try again shortly");
        }
    }

    private static Item item(LoggedDisclosure r) {
        return new Item(DisclosureHash.format(r.recordedAt()), r.requestId(), r.client(),
                new Form(r.formId(), r.formVersion(), r.procedureCode()), r.subjectRole(), r.actingFor(),
                r.actorId().equals(r.subjectId()), read(r.sources(), new TypeReference<LinkedHashMap<String, String>>() { }),
                read(r.releasedPointers(), new TypeReference<List<String>>() { }),
                r.consentedSources() == null ? null : read(r.consentedSources(), new TypeReference<List<String>>() { }),
                r.desk() == null ? null : AtDesk.of(read(r.desk(), new TypeReference<Map<String, String>>() { })));
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a disclosure column is not the JSON the log wrote", e);
        }
    }
}

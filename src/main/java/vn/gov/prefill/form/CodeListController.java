package vn.gov.prefill.form;

import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.gov.prefill.binding.CodeLists;
import vn.gov.prefill.edge.problem.ApiProblem;

/** The code lists the forms' values come from, public like the schemas: a front end builds its dropdowns from them. */
@RestController
@Tag(name = "Forms")
class CodeListController {

    @Schema(name = "CodeList")
    record CodeList(String name, List<Code> codes) { }

    @Schema(name = "Code")
    record Code(String code, String name) { }

    private final CodeLists lists;

    CodeListController(CodeLists lists) {
        this.lists = lists;
    }

    @Operation(operationId = "codeList", summary = "Get a code list",
            description = "Every code of a list of schemas/codelists with its name or value, in the list's order: "
                    + "provinces-2025, communes-2025, communes-2025-provinces (a commune's province), ethnicity, countries… Public.",
            responses = @ApiResponse(responseCode = "200", description = "the list"))
    @GetMapping(path = "/api/v1/codelists/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CodeList> codeList(@PathVariable String name) {
        if (!lists.has(name)) {
            throw new ApiProblem(404, "not-found", "Not found", "no code list named " + name);
        }
        List<Code> codes = lists.codes(name).entrySet().stream().map(e -> new Code(e.getKey(), e.getValue())).toList();
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePublic())
                .body(new CodeList(name, codes));
    }
}

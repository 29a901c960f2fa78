package vn.gov.prefill.profile;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.gov.prefill.edge.problem.ApiProblem;
import vn.gov.prefill.edge.problem.ApiProblem.FieldError;
import vn.gov.prefill.identity.Citizen;
import vn.gov.prefill.identity.Citizens;

/**
 * The citizen's own declared values (or, on an organisation account, the enterprise's): listed, and erased at
 * once and for good. The next prefill no longer offers an erased value.
 */
@RestController
@Tag(name = "Declared once")
class ProfileController {

    private static final Logger log = LoggerFactory.getLogger(ProfileController.class);

    private final DeclaredValues declared;
    private final DeclaredKeys keys;
    private final Citizens citizens;

    ProfileController(DeclaredValues declared, DeclaredKeys keys, Citizens citizens) {
        this.declared = declared;
        this.keys = keys;
        this.citizens = citizens;
    }

    @Schema(name = "DeclaredValue", requiredProperties = {"key", "title", "value", "declaredAt", "formId"})
    record Item(@Schema(description = "the declared key, e.g. contact.phone") String key, String title,
                @Schema(description = "the value as declared (any JSON value the key's schema allows)") Object value,
                @Schema(format = "date-time") String declaredAt, @Schema(description = "the form it was declared in") String formId) { }

    @Operation(operationId = "myProfile", summary = "What I declared and agreed to have kept",
            description = "The values kept from my earlier filings made with declare.keep: each key, its value, when and in which "
                    + "form it was declared. A prefill offers them again (source declared, flag SELF_DECLARED).",
            security = @SecurityRequirement(name = "citizenToken"),
            responses = @ApiResponse(responseCode = "200", description = "my declared values, by key"))
    @GetMapping(path = "/api/v1/me/profile", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Item> list(@AuthenticationPrincipal Jwt jwt) {
        String subject = subjectOf(citizens.of(jwt));
        try {
            return declared.of(subject).stream().map(d -> new Item(d.key(), d.title(), d.value(), d.declaredAt(), d.formId())).toList();
        } catch (DataAccessException e) {
            throw ApiProblem.auditUnavailable("your declared values cannot be read right now; try again shortly");
        }
    }

    @Operation(operationId = "eraseMyDeclaredValue", summary = "Erase one declared value",
            description = "At once and for good: the next prefill no longer offers it. 204 whether or not a value was kept; "
                    + "a key the gateway does not know is 404.",
            security = @SecurityRequirement(name = "citizenToken"),
            responses = {@ApiResponse(responseCode = "204", description = "erased"),
                @ApiResponse(responseCode = "404", description = "no such declared key")})
    @DeleteMapping(path = "/api/v1/me/profile/{key}")
    ResponseEntity<Void> erase(@PathVariable String key, @AuthenticationPrincipal Jwt jwt) {
        String subject = subjectOf(citizens.of(jwt));
        if (keys.get(key) == null) {
            throw new ApiProblem(404, "unknown-declared-key", "Unknown declared key", "no declared key is named " + key,
                    List.of(new FieldError("key", "one of " + String.join(", ", keys.names()))), Map.of());
        }
        try {
            boolean erased = declared.erase(subject, key);
            log.info("declared value erased key={} found={}", key, erased);
        } catch (DataAccessException e) {
            throw ApiProblem.auditUnavailable("nothing was erased right now; try again shortly");
        }
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "eraseMyDeclaredValues", summary = "Erase every declared value",
            description = "At once and for good: the next prefill offers none of them.",
            security = @SecurityRequirement(name = "citizenToken"),
            responses = @ApiResponse(responseCode = "204", description = "erased"))
    @DeleteMapping(path = "/api/v1/me/profile")
    ResponseEntity<Void> eraseAll(@AuthenticationPrincipal Jwt jwt) {
        String subject = subjectOf(citizens.of(jwt));
        try {
            log.info("declared values erased count={}", declared.eraseAll(subject));
        } catch (DataAccessException e) {
            throw ApiProblem.auditUnavailable("nothing was erased right now; try again shortly");
        }
        return ResponseEntity.noContent().build();
    }

    /** Whose values these are: the citizen, or on an organisation account the enterprise. */
    static String subjectOf(Citizen citizen) {
        return citizen.isOrganisation() ? citizen.enterpriseCode() : citizen.citizenId();
    }
}

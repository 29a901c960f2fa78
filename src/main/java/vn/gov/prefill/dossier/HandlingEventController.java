package vn.gov.prefill.dossier;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.gov.prefill.config.SecretKeys;
import vn.gov.prefill.edge.problem.ApiProblem;
import vn.gov.prefill.edge.problem.ApiProblem.FieldError;

/**
 * The handling system's callbacks: each step of a delivered dossier, signed with the shared secret (the
 * signature is the credential; no bearer token). The raw body is verified before it is read. A refused
 * signature changes nothing and is counted by reason, for the alert; the body is never logged.
 */
@RestController
@Tag(name = "Dossiers")
class HandlingEventController {

    static final String PATH = "/api/v1/handling/events";
    private static final Logger log = LoggerFactory.getLogger(HandlingEventController.class);

    private final HandlingSignature signature;
    private final HandlingProgress progress;
    private final ObjectMapper json;
    private final Clock clock;
    private final Map<HandlingSignature.Verdict, Counter> rejected;

    HandlingEventController(HandlingSettings settings, HandlingProgress progress, ObjectMapper json, Clock clock, MeterRegistry meters) {
        this.signature = new HandlingSignature(SecretKeys.decode(HandlingSettings.CALLBACK_SECRET, settings.callbackSecret()),
                settings.callbackWindow());
        this.progress = progress;
        this.json = json;
        this.clock = clock;
        // registered at start, each reason: an alert on their increase sees the first refusal
        this.rejected = Map.of(
                HandlingSignature.Verdict.MALFORMED, meters.counter("gateway.handling.callbacks.rejected", "reason", "malformed"),
                HandlingSignature.Verdict.STALE, meters.counter("gateway.handling.callbacks.rejected", "reason", "stale"),
                HandlingSignature.Verdict.MISMATCH, meters.counter("gateway.handling.callbacks.rejected", "reason", "signature"));
    }

    @Operation(operationId = "handlingEvent", summary = "A step of a dossier's handling, called back by the handling system",
            description = "Signed with X-Handling-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<raw body>\" under the "
                    + "shared callback secret>. A missing, bad or stale signature (more than the window from now) is 401 and changes "
                    + "nothing. A repeated MaSuKien is 200 and changes nothing; a step older than the newest one applied goes on the "
                    + "timeline without moving the dossier back; an unknown dossier is 404.",
            parameters = @Parameter(name = HandlingSignature.HEADER, in = ParameterIn.HEADER, required = true,
                    example = "t=1796446800,v1=5d41402abc4b2a76b9719d911017c592…"),
            responses = {
                @ApiResponse(responseCode = "200", description = "received (applied, or a repeat that changed nothing)"),
                @ApiResponse(responseCode = "401", description = "no valid signature"),
                @ApiResponse(responseCode = "404", description = "no dossier has this MaHoSoCong")})
    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> receive(@RequestHeader(name = HandlingSignature.HEADER, required = false) String signed,
                                @RequestBody byte[] raw) {
        HandlingSignature.Verdict verdict = signature.check(signed, raw, clock.instant());
        if (verdict != HandlingSignature.Verdict.GOOD) {
            rejected.get(verdict).increment();
            log.warn("handling callback refused: {} signature", verdict.name().toLowerCase());
            throw new ApiProblem(401, "invalid-signature", "Invalid signature", switch (verdict) {
                case MALFORMED -> HandlingSignature.HEADER + " is missing or not t=<unix seconds>,v1=<64 hex digits>";
                case STALE -> HandlingSignature.HEADER + " was made too far from now (t outside the accepted window)";
                default -> HandlingSignature.HEADER + " does not match the body";
            }, List.of(new FieldError(HandlingSignature.HEADER, verdict.name().toLowerCase())), Map.of());
        }
        HandlingEvent event = HandlingEvent.of(parse(raw), true);
        HandlingProgress.Outcome outcome;
        try {
            outcome = progress.apply(event, "callback");
        } catch (DataAccessException e) {
            // the handling system retries until it gets a 2xx
            throw new ApiProblem(503, "store-unavailable", "Dossier store unavailable", "the event cannot be recorded right now; "
                    + "send it again", List.of(), Map.of("Retry-After", "5"));
        }
        if (outcome == HandlingProgress.Outcome.UNKNOWN) {
            throw new ApiProblem(404, "unknown-dossier", "Unknown dossier", "no dossier has this MaHoSoCong",
                    List.of(new FieldError("/MaHoSoCong", "unknown")), Map.of());
        }
        log.info("handling event dossier={} status={} outcome={}", event.dossierId(), event.status(), outcome);
        return HandlingProgress.answer(event, outcome);
    }

    private JsonNode parse(byte[] raw) {
        try {
            return json.readTree(raw);
        } catch (IOException e) {
            throw ApiProblem.badRequest("invalid-handling-event", "Invalid handling event",
                    List.of(new FieldError("", "the body is not JSON")));
        }
    }
}

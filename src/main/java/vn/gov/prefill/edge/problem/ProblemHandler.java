package vn.gov.prefill.edge.problem;

import vn.gov.prefill.edge.RequestLimits;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Every failure of the API becomes a problem document; nothing of the exception's internals leaves. */
@RestControllerAdvice
class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private final ProblemWriter writer;

    ProblemHandler(ProblemWriter writer) {
        this.writer = writer;
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Map<String, Object>> problem(ApiProblem problem, HttpServletRequest request) {
        var response = ResponseEntity.status(problem.status()).contentType(ProblemWriter.PROBLEM_JSON);
        problem.headers().forEach(response::header);
        return response.body(writer.body(problem, request));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        if (RequestLimits.causedByTooLarge(e)) {
            return problem(new ApiProblem(413, "body-too-large", "Body too large", "the request body is above the limit"), request);
        }
        String reason = "the body is not valid JSON";
        if (e.getCause() instanceof JsonProcessingException jpe && jpe.getLocation() != null) {
            reason += " (line " + jpe.getLocation().getLineNr() + ", column " + jpe.getLocation().getColumnNr() + ")";
        }
        return problem(ApiProblem.badRequest("malformed-json", "Malformed JSON",
                List.of(new ApiProblem.FieldError("", reason))), request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return problem(new ApiProblem(415, "unsupported-media-type", "Unsupported media type",
                "send the body as application/json"), request);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Map<String, Object>> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return problem(new ApiProblem(406, "not-acceptable", "Not acceptable",
                "this endpoint answers application/json"), request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return problem(new ApiProblem(405, "method-not-allowed", "Method not allowed",
                e.getMethod() + " is not supported here", List.of(),
                Map.of("Allow", String.join(", ", e.getSupportedHttpMethods() == null ? List.of()
                        : e.getSupportedHttpMethods().stream().map(Object::toString).toList()))), request);
    }

    @ExceptionHandler({NoResourceFoundException.class})
    ResponseEntity<Map<String, Object>> notFound(Exception e, HttpServletRequest request) {
        return problem(new ApiProblem(404, "not-found", "Not found", "no such resource"), request);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingRequestHeaderException.class})
    ResponseEntity<Map<String, Object>> badParameter(Exception e, HttpServletRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
                : ((MissingRequestHeaderException) e).getHeaderName();
        return problem(ApiProblem.badRequest("invalid-parameter", "Invalid parameter",
                List.of(new ApiProblem.FieldError(name, "missing or not of the expected type"))), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e, HttpServletRequest request) {
        // the class name only: an exception message may carry a registry's answer
        log.error("unexpected failure {} at {}", e.getClass().getName(), e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
        return problem(new ApiProblem(500, "internal-error", "Internal error",
                "the gateway failed unexpectedly; quote the requestId to the operator"), request);
    }
}

package vn.gov.prefill.edge.problem;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * Replaces Spring Boot's /error page: whatever reached the servlet container's error handling
 * (a status set with sendError before any controller ran) is answered as a problem document,
 * whatever the Accept header asked for.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    private final ProblemWriter problems;

    ProblemErrorController(ProblemWriter problems) {
        this.problems = problems;
    }

    @RequestMapping("/error")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i && i >= 400 ? i : 500;
        String slug = switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 413 -> "body-too-large";
            default -> status >= 500 ? "internal-error" : "bad-request";
        };
        response.resetBuffer();
        problems.write(new ApiProblem(status, slug, status >= 500 ? "Internal error" : "Request refused",
                status >= 500 ? "the gateway failed unexpectedly; quote the requestId to the operator"
                        : "the request was refused before reaching the API"), request, response);
    }
}

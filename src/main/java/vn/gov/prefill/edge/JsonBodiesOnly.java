package vn.gov.prefill.edge;

import vn.gov.prefill.edge.problem.ApiProblem;
import vn.gov.prefill.edge.problem.ProblemWriter;
import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A wildcard or multipart Content-Type is refused with 415 before anything tries to parse it (Spring
 * would fail on it with an exception of its own). Placed after authorisation, so that a request
 * without a valid token learns nothing but 401.
 */
public class JsonBodiesOnly extends OncePerRequestFilter {

    private final ProblemWriter problems;

    public JsonBodiesOnly(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type != null && (type.contains("*") || type.toLowerCase(Locale.ROOT).startsWith("multipart/"))) {
            problems.write(new ApiProblem(415, "unsupported-media-type", "Unsupported media type",
                    "send the body as application/json"), request, response);
            return;
        }
        chain.doFilter(request, response);
    }
}

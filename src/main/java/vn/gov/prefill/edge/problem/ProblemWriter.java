package vn.gov.prefill.edge.problem;

import vn.gov.prefill.edge.RequestIds;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.gov.prefill.config.GatewayProperties;

/** Renders problem documents, for controllers and for the security filters alike. */
@Component
public class ProblemWriter {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private final ObjectMapper json;
    private final String baseUri;

    ProblemWriter(ObjectMapper json, GatewayProperties properties) {
        this.json = json;
        this.baseUri = properties.getPrefill().getProblemBaseUri();
    }

    public Map<String, Object> body(ApiProblem problem, HttpServletRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", baseUri + problem.slug());
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.getMessage());
        body.put("instance", request.getRequestURI());
        body.put("requestId", RequestIds.current(request));
        if (!problem.errors().isEmpty()) {
            List<Map<String, String>> errors = problem.errors().stream()
                    .map(e -> {
                        Map<String, String> error = new LinkedHashMap<>();
                        error.put("pointer", e.pointer());
                        error.put("message", e.message());
                        return error;
                    }).toList();
            body.put("errors", errors);
        }
        return body;
    }

    public void write(ApiProblem problem, HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(problem.status());
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        problem.headers().forEach(response::setHeader);
        json.writeValue(response.getOutputStream(), body(problem, request));
    }
}

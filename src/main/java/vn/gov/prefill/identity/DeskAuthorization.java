package vn.gov.prefill.identity;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.gov.prefill.edge.problem.ApiProblem;
import vn.gov.prefill.edge.problem.ApiProblem.FieldError;
import vn.gov.prefill.edge.problem.ProblemWriter;

/**
 * Assisted filing at a one-stop desk. An officer's token (roles holding the officer role, with
 * {@code MaCanBo} and {@code MaDonVi}) never reads anybody's data by itself: on a person-data endpoint it
 * must bring the citizen's own token in {@code X-Citizen-Authorization: Bearer …}, verified like any
 * bearer token (signature, issuer, audience, expiry, personal number). The request then goes on as the
 * citizen's, with the desk beside it ({@link Citizen#desk()}): the form's level of assurance applies to
 * the citizen's token, the rate limits to the citizen. The header on a token that is not an officer's,
 * or an officer's or operator's token in the header, is refused; nobody's data is read.
 */
final class DeskAuthorization extends OncePerRequestFilter {

    static final String HEADER = "X-Citizen-Authorization";

    private final JwtDecoder decoder;
    private final Roles roles;
    private final ProblemWriter problems;

    DeskAuthorization(JwtDecoder decoder, Roles roles, ProblemWriter problems) {
        this.decoder = decoder;
        this.roles = roles;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (!(auth instanceof JwtAuthenticationToken signedIn)) {
            chain.doFilter(request, response);
            return;
        }
        Jwt caller = signedIn.getToken();
        if (!roles.isOfficer(caller)) {
            // the citizen's own request, the common case: one header looked up, nothing listed
            if (request.getHeader(HEADER) != null) {
                refuse(403, "not-an-officer", "Not an officer", "only an officer at a one-stop desk may act for a citizen: "
                        + "this token is not an officer's; send the citizen's token as Authorization and no " + HEADER,
                        request, response);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        if (!Desk.personEndpoint(request.getRequestURI())) {
            chain.doFilter(request, response);
            return;
        }
        List<String> headers = Collections.list(request.getHeaders(HEADER));
        if (headers.size() != 1) {
            refuse(400, "citizen-authorization-required", "The citizen's authorisation is required", headers.isEmpty()
                    ? "an officer reads, checks and files only for a citizen who signs in beside them: send the citizen's "
                            + "token as " + HEADER + ": Bearer …"
                    : "send exactly one " + HEADER + " header", request, response);
            return;
        }
        String value = headers.get(0);
        if (value.length() < 8 || !value.regionMatches(true, 0, "Bearer ", 0, 7) || value.substring(7).isBlank()) {
            unauthenticated("must be Bearer and the citizen's token", request, response);
            return;
        }
        Jwt citizen;
        try {
            citizen = decoder.decode(value.substring(7).trim());
        } catch (JwtException e) {
            unauthenticated("the citizen's token is not valid: " + SecurityConfig.reasonOf(e), request, response);
            return;
        }
        if (roles.isOfficer(citizen) || roles.isOperator(citizen)) {
            refuse(403, "not-a-citizen", "Not the citizen's token", HEADER + " must carry the citizen's own token, "
                    + "not an officer's or an operator's", request, response);
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new JwtAuthenticationToken(new DeskJwt(citizen, Desk.of(caller)), List.of()));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }

    private void unauthenticated(String reason, HttpServletRequest request, HttpServletResponse response) throws IOException {
        problems.write(new ApiProblem(401, "citizen-unauthenticated", "The citizen's authorisation is not valid",
                HEADER + ": " + reason, List.of(new FieldError(HEADER, reason)), Map.of("WWW-Authenticate", "Bearer")),
                request, response);
    }

    private void refuse(int status, String slug, String title, String detail, HttpServletRequest request,
                        HttpServletResponse response) throws IOException {
        problems.write(new ApiProblem(status, slug, title, detail, List.of(new FieldError(HEADER, detail)), Map.of()),
                request, response);
    }
}

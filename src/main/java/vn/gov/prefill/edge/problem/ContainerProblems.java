package vn.gov.prefill.edge.problem;

import vn.gov.prefill.edge.RequestIds;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Requests Tomcat refuses before any application code runs (an encoded '/' in a path, a malformed
 * request line) get a problem document too, instead of Tomcat's HTML error page.
 */
@Component
class ContainerProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemValve.class.getName());
            }
        });
    }

    /** Tomcat's last-resort error page, as application/problem+json. */
    public static class ProblemValve extends ErrorReportValve {
        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write("{\"type\":\"https://prefill.gov.vn/problems/" + (status == 404 ? "not-found" : "bad-request")
                            + "\",\"title\":\"" + (status >= 500 ? "Server error" : "Request refused")
                            + "\",\"status\":" + status + ",\"detail\":\"the request was refused before reaching the gateway"
                            + " (malformed path, header or request line)\",\"requestId\":\"" + RequestIds.newId() + "\"}");
                }
            } catch (IOException | IllegalStateException e) {
                // the client has gone; nothing to tell it
            }
        }
    }
}

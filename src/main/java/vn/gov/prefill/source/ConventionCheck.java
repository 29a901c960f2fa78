package vn.gov.prefill.source;

import vn.gov.prefill.config.StartupCheckException;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.springframework.stereotype.Component;

/**
 * At start, the {@code convention} of every route made from a template must read: a typo in a
 * registry's convention stops the gateway instead of turning its answers into failures.
 */
@Component
class ConventionCheck {

    static final String PARAMETER = "convention";

    private final CamelContext camel;
    private final AnswerConvention conventions;

    ConventionCheck(CamelContext camel, AnswerConvention conventions) {
        this.camel = camel;
        this.conventions = conventions;
    }

    void everyConventionReads() {
        List<String> broken = new ArrayList<>();
        for (RouteDefinition route : ((ModelCamelContext) camel).getRouteDefinitions()) {
            Object text = route.getTemplateParameters() == null ? null : route.getTemplateParameters().get(PARAMETER);
            if (text == null) {
                continue;
            }
            try {
                conventions.convention(camel.resolvePropertyPlaceholders(text.toString()));
            } catch (IllegalArgumentException e) {
                broken.add(location(route) + ": templatedRoute " + route.getRouteId() + ": parameter " + PARAMETER + ": " + e.getMessage());
            }
        }
        if (!broken.isEmpty()) {
            throw new StartupCheckException(broken);
        }
    }

    private static String location(RouteDefinition route) {
        // Camel keeps no file for routes made from a template; the route id is unique across routes/
        return route.getResource() == null ? "routes/" : route.getResource().getLocation();
    }
}

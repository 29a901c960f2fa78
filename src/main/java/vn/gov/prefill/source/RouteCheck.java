package vn.gov.prefill.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.springframework.stereotype.Component;

import vn.gov.prefill.config.StartupCheckException;

/**
 * At start ({@link RoutesFirst}, before the port opens), every source schema's {@code x-source/route}
 * must be consumed by a route loaded from {@code routes/}: a renamed or missing route stops the
 * gateway instead of failing a citizen's prefill.
 */
@Component
class RouteCheck {

    private final CamelContext camel;
    private final SourceCatalog sources;

    RouteCheck(CamelContext camel, SourceCatalog sources) {
        this.camel = camel;
        this.sources = sources;
    }

    void everySourceHasItsRoute() {
        Set<String> consumed = camel.getRoutes().stream().map(Route::getEndpoint)
                .map(e -> e.getEndpointUri().replace("://", ":")).collect(Collectors.toSet());
        List<String> missing = new ArrayList<>();
        for (String name : sources.names()) {
            SourceCatalog.SourceSpec spec = sources.get(name);
            if (!consumed.contains(spec.endpoint())) {
                missing.add(spec.file() + ": /x-source/route: no route in routes/ consumes '" + spec.endpoint() + "'");
            }
        }
        if (!missing.isEmpty()) {
            throw new StartupCheckException(missing);
        }
    }
}

package vn.gov.prefill.dossier;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import vn.gov.prefill.edge.RequestIds;
import vn.gov.prefill.edge.problem.ApiProblem;
import vn.gov.prefill.source.SourceFetcher;

/**
 * Catches up on callbacks lost on the way: each dossier in the handling system's hands with no news for
 * {@code gateway.handling.reconcile-after} is asked for (route {@code direct:handling-state}) and its answer
 * applied like a callback, so it can never move a dossier back. Run by db-scheduler, one node a sweep.
 */
@Component
class Reconciliation {

    static final String ROUTE = "direct:handling-state";
    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

    private final DossierStore store;
    private final HandlingProgress progress;
    private final ProducerTemplate camel;
    private final HandlingSettings settings;
    private final ObjectMapper json;
    private final Clock clock;
    private final MeterRegistry meters;

    Reconciliation(DossierStore store, HandlingProgress progress, ProducerTemplate camel, HandlingSettings settings, ObjectMapper json,
                   Clock clock, MeterRegistry meters) {
        this.store = store;
        this.progress = progress;
        this.camel = camel;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
    }

    /** One sweep: at most reconcile-batch dossiers, the quietest first. The number asked. */
    int sweep() {
        Instant now = clock.instant();
        int asked = 0;
        for (DossierStore.Quiet quiet : store.quietSince(now.minus(settings.reconcileAfter()), settings.reconcileBatch())) {
            String outcome = ask(quiet);
            meters.counter("gateway.dossier.reconciliations", "outcome", outcome).increment();
            asked++;
        }
        if (asked > 0) {
            log.info("reconciliation: asked the handling system about {} dossier(s)", asked);
        }
        return asked;
    }

    /** An answer breaking the contract: logged and left until the next period (asking again at once would get the same). */
    private String invalid(DossierStore.Quiet quiet, String why) {
        store.asked(quiet.id(), clock.instant());
        log.warn("reconciliation of dossier={}: the handling system's answer breaks its contract: {}", quiet.id(), why);
        return "invalid";
    }

    private String ask(DossierStore.Quiet quiet) {
        Exchange exchange = camel.send(ROUTE, e -> {
            e.setProperty("handlingCodeUrl", URLEncoder.encode(quiet.handlingCode(), StandardCharsets.UTF_8));
            e.setProperty(SourceFetcher.REQUEST_ID, RequestIds.newId());
            e.setProperty(SourceFetcher.PURPOSE, quiet.procedureCode());
        });
        if (exchange.getException() != null) {
            log.warn("reconciliation of dossier={} failed: {} (asked again at the next sweep)", quiet.id(),
                    exchange.getException().getClass().getSimpleName());
            return "unavailable";
        }
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (status != null && status == 404) {
            store.asked(quiet.id(), clock.instant());
            log.warn("reconciliation: the handling system does not know dossier={}", quiet.id());
            return "unknown";
        }
        if (status == null || status != 200) {
            log.warn("reconciliation of dossier={} answered HTTP {} (asked again at the next sweep)", quiet.id(), status);
            return "unavailable";
        }
        HandlingEvent event;
        try {
            JsonNode body = json.readTree(exchange.getMessage().getBody(String.class));
            event = HandlingEvent.of(body, false);
        } catch (IOException e) {
            return invalid(quiet, "not JSON");
        } catch (ApiProblem e) {
            // the pointers and reasons only: never a value
            return invalid(quiet, e.errors().stream().map(f -> f.pointer() + " " + f.message()).toList().toString());
        }
        if (!quiet.id().equals(event.dossierId())) {
            return invalid(quiet, "/MaHoSoCong names another dossier");
        }
        HandlingProgress.Outcome outcome = progress.apply(event, "reconciliation");
        store.asked(quiet.id(), clock.instant());
        return outcome == HandlingProgress.Outcome.MOVED || outcome == HandlingProgress.Outcome.HISTORY ? "updated" : "unchanged";
    }
}

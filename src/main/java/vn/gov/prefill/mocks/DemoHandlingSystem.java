package vn.gov.prefill.mocks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import vn.gov.prefill.dossier.HandlingSignature;

/**
 * The demo handling system's side of a dossier's progress: after the stubs receive a dossier (a 201 to
 * {@code POST /handling/v1/hoso}), it plays the script of {@code mocks/handling-progress.json} for the filer,
 * calling the gateway back with signed events (some late, twice or out of order, by persona), and answers
 * {@code GET /handling/v1/hoso/{MaHoSo}} with the latest step reached, sent or not, so the gateway's
 * reconciliation finds what a lost callback did not say. Times are the gateway's clock.
 */
final class DemoHandlingSystem {

    static final String STATE_TRANSFORMER = "demo-handling-state";
    private static final Logger log = LoggerFactory.getLogger(DemoHandlingSystem.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final int REMEMBERED = 10_000;

    /** One step of a script: reached {@code at} after the delivery, called back {@code sendAfter} after it. */
    record Step(String state, Duration at, Duration sendAfter, int times, String note, boolean withResult) { }

    private final Map<String, List<Step>> scripts;
    private final Map<String, JsonNode> results;
    private final Clock clock;
    private final HandlingSignature signature;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "demo-handling-callbacks");
        t.setDaemon(true);
        return t;
    });
    /** MaHoSo → the dossier's steps with their times: what GET answers. */
    private final Map<String, List<ObjectNode>> states = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<ObjectNode>> eldest) {
            return size() > REMEMBERED;
        }
    });
    private volatile URI target;

    private DemoHandlingSystem(Map<String, List<Step>> scripts, Map<String, JsonNode> results, Clock clock, HandlingSignature signature) {
        this.scripts = scripts;
        this.results = results;
        this.clock = clock;
        this.signature = signature;
    }

    /** Reads the script; a broken one stops the start, naming the file and the place. */
    static DemoHandlingSystem of(Path script, Clock clock, HandlingSignature signature) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(script));
        } catch (IOException e) {
            throw new IllegalStateException(script + ": cannot be read as JSON: " + e.getMessage(), e);
        }
        Map<String, List<Step>> scripts = new LinkedHashMap<>();
        scripts.put("default", steps(script, "/default", root.path("default")));
        root.path("personas").fields().forEachRemaining(p ->
                scripts.put(p.getKey(), steps(script, "/personas/" + p.getKey() + "/steps", p.getValue().path("steps"))));
        Map<String, JsonNode> results = new LinkedHashMap<>();
        root.path("results").fields().forEachRemaining(r -> results.put(r.getKey(), r.getValue()));
        if (!results.containsKey("default")) {
            throw new IllegalStateException(script + " at /results: a \"default\" result is required");
        }
        return new DemoHandlingSystem(scripts, results, clock, signature);
    }

    private static List<Step> steps(Path script, String where, JsonNode steps) {
        if (!steps.isArray()) {
            throw new IllegalStateException(script + " at " + where + ": must be an array of steps");
        }
        List<Step> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            JsonNode s = steps.get(i);
            String at = where + "/" + i;
            try {
                Duration reached = Duration.parse(s.path("at").asText());
                Duration sent = s.hasNonNull("sendAfter") ? Duration.parse(s.get("sendAfter").asText()) : reached;
                String state = s.path("state").asText();
                if (!state.matches("DA_TIEP_NHAN|DANG_XU_LY|YEU_CAU_BO_SUNG|DA_CO_KET_QUA|TU_CHOI|DA_TRA_KET_QUA")) {
                    throw new IllegalArgumentException("state " + state + " is not a state of the handling system");
                }
                out.add(new Step(state, reached, sent, s.path("times").asInt(1), s.path("note").asText(null),
                        state.equals("DA_CO_KET_QUA") || state.equals("DA_TRA_KET_QUA")));
            } catch (RuntimeException e) {
                throw new IllegalStateException(script + " at " + at + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** The gateway's own address, once its web server listens: where the events go. */
    void target(int port) {
        this.target = URI.create("http://127.0.0.1:" + port + "/api/v1/handling/events");
    }

    /** Plays the script of a dossier the stubs just received. */
    final class Listener implements ServeEventListener {

        @Override
        public String getName() {
            return "demo-handling-progress";
        }

        @Override
        public boolean applyGlobally() {
            return true;
        }

        @Override
        public void afterComplete(ServeEvent event, Parameters parameters) {
            if (!"POST".equals(event.getRequest().getMethod().getName()) || !event.getRequest().getUrl().startsWith("/handling/v1/hoso")
                    || event.getResponse().getStatus() != 201) {
                return;
            }
            try {
                received(JSON.readTree(event.getRequest().getBodyAsString()), JSON.readTree(event.getResponse().getBodyAsString()));
            } catch (IOException | RuntimeException e) {
                log.warn("demo handling system: cannot play the script of a received dossier ({})", e.getClass().getSimpleName());
            }
        }
    }

    /** Answers GET /handling/v1/hoso/{MaHoSo} with the latest step reached by now, or 404. */
    final class State implements ResponseDefinitionTransformerV2 {

        @Override
        public String getName() {
            return STATE_TRANSFORMER;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            String url = event.getRequest().getUrl();
            String code = java.net.URLDecoder.decode(url.substring(url.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
            ObjectNode latest = latest(code);
            if (latest == null) {
                return ResponseDefinition.notFound();
            }
            return new ResponseDefinitionBuilder().withStatus(200).withHeader("Content-Type", "application/json")
                    .withBody(latest.toString()).build();
        }
    }

    private void received(JsonNode dossier, JsonNode answer) {
        String dossierId = dossier.path("MaHoSoCong").asText();
        String code = answer.path("MaHoSo").asText();
        String filer = dossier.path("NguoiNop").path("SoDinhDanh").asText();
        List<Step> script = scripts.getOrDefault(filer, scripts.get("default"));
        Instant delivered = clock.instant();
        JsonNode result = results.getOrDefault(dossier.path("MaTTHC").asText(), results.get("default"));
        List<ObjectNode> steps = new ArrayList<>();
        // received when it answered 201: what it answers about the dossier until the script's first step
        steps.add(step(dossierId, code, new Step("DA_TIEP_NHAN", Duration.ZERO, Duration.ZERO, 0, null, false), delivered, result));
        for (Step step : script) {
            ObjectNode e = step(dossierId, code, step, delivered, result);
            steps.add(e);
            for (int i = 0; i < step.times(); i++) {
                timer.schedule(() -> send(e, 0), step.sendAfter().toMillis() + i * 300L, TimeUnit.MILLISECONDS);
            }
        }
        states.put(code, steps);
    }

    private static ObjectNode step(String dossierId, String code, Step step, Instant delivered, JsonNode result) {
        ObjectNode e = JSON.createObjectNode();
        e.put("MaSuKien", "evt-" + UUID.randomUUID());
        e.put("MaHoSo", code);
        e.put("MaHoSoCong", dossierId);
        e.put("TrangThai", step.state());
        e.put("ThoiDiem", delivered.plus(step.at()).atZone(VIETNAM).toOffsetDateTime().toString());
        if (step.note() != null) {
            e.put("GhiChu", step.note());
        }
        if (step.withResult()) {
            ObjectNode r = result.deepCopy();
            r.put("NgayCap", delivered.plus(step.at()).atZone(VIETNAM).toLocalDate().toString());
            r.put("DuongDan", r.path("DuongDan").asText() + dossierId);
            e.set("KetQua", r);
        }
        return e;
    }

    private ObjectNode latest(String code) {
        List<ObjectNode> steps = states.get(code);
        if (steps == null) {
            return null;
        }
        Instant now = clock.instant();
        ObjectNode latest = null;
        Instant latestAt = null;
        for (ObjectNode s : steps) {
            Instant at = java.time.OffsetDateTime.parse(s.get("ThoiDiem").asText()).toInstant();
            if (!at.isAfter(now) && (latestAt == null || at.isAfter(latestAt))) {
                latest = s;
                latestAt = at;
            }
        }
        if (latest == null) {
            return null;
        }
        ObjectNode answer = latest.deepCopy();
        answer.remove("MaSuKien");
        return answer;
    }

    /** One signed callback; retried (as the real system does until it gets a 2xx) a few times, then given up. */
    private void send(ObjectNode event, int attempt) {
        URI to = target;
        if (to == null || attempt > 5) {
            return;
        }
        byte[] body = event.toString().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(to).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header(HandlingSignature.HEADER, signature.header(body, clock.instant()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            if (failure != null || response.statusCode() >= 500) {
                timer.schedule(() -> send(event, attempt + 1), 2, TimeUnit.SECONDS);
            }
        });
    }

    void stop() {
        timer.shutdownNow();
    }
}

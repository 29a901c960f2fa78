package vn.gov.prefill.suggestion;

import vn.gov.prefill.config.StartupCheckException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.gov.prefill.form.FormCatalog;
import vn.gov.prefill.source.SourceCatalog;

/**
 * The life events the gateway suggests: one {@code rules/life-events/<EVENT>.json} each, with the other
 * routes they read through in {@code rules/routes.json}. Any problem in any file stops the gateway at
 * start, naming the file and the place.
 */
@Component
class LifeEventRules {

    private final List<LifeEventRule> rules;

    LifeEventRules(@Value("${gateway.paths.rules:rules}") String dir, ObjectMapper json, SourceCatalog sources, FormCatalog forms) {
        this.rules = Collections.unmodifiableList(load(Path.of(dir), json, sources, forms));
    }

    List<LifeEventRule> all() {
        return rules;
    }

    static List<LifeEventRule> load(Path dir, ObjectMapper json, SourceCatalog sources, FormCatalog forms) {
        Path events = dir.resolve("life-events");
        if (!Files.isDirectory(events)) {
            throw new StartupCheckException(events.toAbsolutePath() + ": the life-event rule directory does not exist (gateway.paths.rules)");
        }
        List<String> errors = new ArrayList<>();
        Map<String, RuleReader.Route> routes = routes(dir.resolve("routes.json"), json, sources, errors);
        List<LifeEventRule> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(events)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                LifeEventRule rule = new RuleReader(file, json, sources, forms, routes, errors).read();
                if (rule != null) {
                    out.add(rule);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(events + ": cannot list rules: " + e.getMessage(), e);
        }
        if (!errors.isEmpty()) {
            throw new StartupCheckException(errors);
        }
        return out;
    }

    /** {@code {"<source>/<route>": {"endpoint": "direct:…", "key": "citizenId", "record": <JSON Schema of its normalised record>}}}. */
    private static Map<String, RuleReader.Route> routes(Path file, ObjectMapper json, SourceCatalog sources, List<String> errors) {
        Map<String, RuleReader.Route> out = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        JsonNode root;
        try {
            root = json.readTree(file.toFile());
        } catch (IOException e) {
            errors.add(file + ": not valid JSON: " + e.getMessage());
            return out;
        }
        root.fields().forEachRemaining(e -> {
            String source = e.getKey().contains("/") ? e.getKey().substring(0, e.getKey().indexOf('/')) : e.getKey();
            String endpoint = e.getValue().path("endpoint").asText("");
            if (!sources.contains(source)) {
                errors.add(file + ": /" + e.getKey().replace("/", "~1") + ": unknown source '" + source + "'");
            } else if (!endpoint.startsWith("direct:source-" + source)) {
                errors.add(file + ": /" + e.getKey().replace("/", "~1") + "/endpoint: must be a direct:source-" + source + "… route");
            } else if (!e.getValue().path("record").isObject()) {
                errors.add(file + ": /" + e.getKey().replace("/", "~1") + "/record: required: the JSON Schema of the route's record");
            } else if (!"citizenId".equals(e.getValue().path("key").asText()) && !"enterpriseCode".equals(e.getValue().path("key").asText())) {
                errors.add(file + ": /" + e.getKey().replace("/", "~1") + "/key: must be \"citizenId\" or \"enterpriseCode\": what the route is asked by");
            } else {
                SourceCatalog.KeyKind key = "citizenId".equals(e.getValue().path("key").asText()) ? SourceCatalog.KeyKind.CITIZEN_ID
                        : SourceCatalog.KeyKind.ENTERPRISE_CODE;
                out.put(e.getKey(), new RuleReader.Route(endpoint, key, e.getValue().get("record")));
            }
        });
        return out;
    }
}

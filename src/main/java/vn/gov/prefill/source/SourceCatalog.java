package vn.gov.prefill.source;

import vn.gov.prefill.domain.Identifiers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.gov.prefill.config.GatewayProperties;
import vn.gov.prefill.config.StartupCheckException;

/**
 * The registries the gateway knows: one {@code schemas/sources/<name>.schema.json} each, whose
 * {@code x-source} says how records are keyed, which route reads them and where their "as of" is.
 */
@Component
public class SourceCatalog {

    public static final String SUFFIX = ".schema.json";

    /** What a registry is keyed by. */
    public enum KeyKind {
        CITIZEN_ID, ENTERPRISE_CODE,
        /** a person or an enterprise alike (what the gateway keeps of either: declared values) */
        ANY;

        public String problemWith(String value) {
            return switch (this) {
                case CITIZEN_ID -> Identifiers.citizenIdProblem(value);
                case ENTERPRISE_CODE -> Identifiers.enterpriseCodeProblem(value);
                case ANY -> Identifiers.citizenIdProblem(value) == null ? null : Identifiers.enterpriseCodeProblem(value);
            };
        }
    }

    /**
     * One registry as its schema file describes it. A {@code local} source is kept by the gateway itself (the
     * values a citizen declared): no address, no health probe. {@code asOfEach}, when set, is where each value's
     * own "as of" sits (the value's path appended to it); {@code flags} are added to every value it gives.
     */
    public record SourceSpec(String name, Path file, JsonNode schema, String endpoint, KeyKind key, String asOf, String title,
                             boolean local, String asOfEach, java.util.List<String> flags) { }

    private final Map<String, SourceSpec> sources;

    public SourceCatalog(GatewayProperties properties, ObjectMapper json) {
        this.sources = Collections.unmodifiableMap(load(Path.of(properties.getPaths().getSources()), json));
    }

    public Set<String> names() {
        return sources.keySet();
    }

    public SourceSpec get(String name) {
        return sources.get(name);
    }

    public boolean contains(String name) {
        return sources.containsKey(name);
    }

    static Map<String, SourceSpec> load(Path dir, ObjectMapper json) {
        if (!Files.isDirectory(dir)) {
            throw new StartupCheckException(dir.toAbsolutePath() + ": the source schema directory does not exist (gateway.paths.sources)");
        }
        Map<String, SourceSpec> out = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList()) {
                String name = file.getFileName().toString().replace(SUFFIX, "");
                out.put(name, spec(name, file, json));
            }
        } catch (IOException e) {
            throw new IllegalStateException(dir + ": cannot list source schemas: " + e.getMessage(), e);
        }
        return out;
    }

    private static SourceSpec spec(String name, Path file, ObjectMapper json) {
        JsonNode schema;
        try {
            schema = json.readTree(file.toFile());
        } catch (IOException e) {
            throw new StartupCheckException(file + ": not valid JSON: " + e.getMessage());
        }
        JsonNode meta = schema.path("x-source");
        if (!meta.isObject()) {
            throw new StartupCheckException(file + ": /x-source is missing (it names the key, the route and the asOf path)");
        }
        String keyName = meta.path("key").asText("");
        KeyKind key = switch (keyName) {
            case "citizenId" -> KeyKind.CITIZEN_ID;
            case "enterpriseCode" -> KeyKind.ENTERPRISE_CODE;
            case "any" -> KeyKind.ANY;
            default -> throw new StartupCheckException(file + ": /x-source/key must be \"citizenId\", \"enterpriseCode\" or \"any\", not \""
                    + keyName + "\"");
        };
        String endpoint = meta.path("route").asText("direct:source-" + name);
        String asOf = meta.hasNonNull("asOf") ? meta.get("asOf").asText() : null;
        String asOfEach = meta.hasNonNull("asOfEach") ? meta.get("asOfEach").asText() : null;
        java.util.List<String> flags = new java.util.ArrayList<>();
        meta.path("flags").forEach(f -> flags.add(f.asText()));
        return new SourceSpec(name, file, schema, endpoint, key, asOf, schema.path("title").asText(name), meta.path("local").asBoolean(false),
                asOfEach, java.util.List.copyOf(flags));
    }
}

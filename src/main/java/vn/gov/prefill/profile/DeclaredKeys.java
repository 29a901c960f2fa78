package vn.gov.prefill.profile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import vn.gov.prefill.config.StartupCheckException;
import vn.gov.prefill.source.SourceCatalog;

/**
 * The keys a citizen may declare once ({@code contact.phone}, {@code contact.email}, {@code occupation}…), each
 * with the JSON Schema its values meet: the properties of the {@value #SOURCE} source's schema
 * ({@code schemas/sources/declared.schema.json}), all but {@code declaredAt}. Checked at start: a key's name, and
 * that its schema compiles.
 */
@Component
public class DeclaredKeys {

    /** The source a form binds declared values from: {@code declared@<subject>}. */
    public static final String SOURCE = "declared";
    static final String DECLARED_AT = "declaredAt";
    private static final String NAME = "[a-z][a-zA-Z0-9]*(\\.[a-z][a-zA-Z0-9]*)*";

    /** One key: its title and schema as written, and compiled. */
    public record Key(String name, String title, JsonNode schema, JsonSchema validator) { }

    private final Map<String, Key> keys;

    DeclaredKeys(SourceCatalog sources) {
        SourceCatalog.SourceSpec spec = sources.get(SOURCE);
        if (spec == null) {
            throw new StartupCheckException("schemas/sources/" + SOURCE + SourceCatalog.SUFFIX
                    + ": missing: the keys a citizen may declare once are its properties");
        }
        Map<String, Key> out = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        spec.schema().path("properties").fields().forEachRemaining(p -> {
            String pointer = "/properties/" + p.getKey().replace("~", "~0").replace("/", "~1");
            if (p.getKey().equals(DECLARED_AT)) {
                return;
            }
            if (!p.getKey().matches(NAME)) {
                problems.add(spec.file() + ": " + pointer + ": a declared key is lower-camel words joined by dots, such as contact.phone");
                return;
            }
            if (!p.getValue().path("type").isTextual()) {
                problems.add(spec.file() + ": " + pointer + "/type: required, one JSON type (string, integer…) a form's field must have");
                return;
            }
            try {
                JsonSchema compiled = factory.getSchema(p.getValue());
                compiled.initializeValidators();
                out.put(p.getKey(), new Key(p.getKey(), p.getValue().path("title").asText(p.getKey()), p.getValue(), compiled));
            } catch (RuntimeException e) {
                problems.add(spec.file() + ": " + pointer + ": not a usable JSON Schema: " + e.getMessage());
            }
        });
        if (!spec.local()) {
            problems.add(spec.file() + ": /x-source/local: must be true (the gateway keeps declared values itself)");
        }
        if (!problems.isEmpty()) {
            throw new StartupCheckException(problems);
        }
        this.keys = Collections.unmodifiableMap(out);
    }

    public Set<String> names() {
        return keys.keySet();
    }

    public Key get(String name) {
        return keys.get(name);
    }

    /** Why {@code value} cannot be kept under {@code key} (empty when it can). */
    public List<String> problems(String key, JsonNode value) {
        Key k = keys.get(key);
        if (k == null) {
            return List.of("unknown declared key " + key);
        }
        return k.validator().validate(value).stream().map(m -> m.getMessage()).toList();
    }
}

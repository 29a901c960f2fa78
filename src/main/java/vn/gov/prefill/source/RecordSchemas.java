package vn.gov.prefill.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.SpecVersionDetector;

import vn.gov.prefill.config.StartupCheckException;

/**
 * Checks the record an answer handler found against the source's JSON Schema (route bean
 * {@code recordSchema}), on the record as parsed, never parsing it again. Every source's schema (the
 * tree {@link SourceCatalog} already read) is compiled at start, with the dialect its {@code $schema}
 * names, as Camel's json-validator would; a broken one stops the gateway naming its file. A route
 * naming another file has it read and compiled on first use.
 */
@Component("recordSchema")
public class RecordSchemas implements Processor {

    /** The exchange property a route sets to the schema's file before {@code process: recordSchema}. */
    public static final String SCHEMA = "recordSchema";

    private final ObjectMapper json;
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();
    /** The same, by the name as routes spell it: no path normalised on each read. */
    private final Map<String, JsonSchema> byName = new ConcurrentHashMap<>();

    @Autowired
    RecordSchemas(ObjectMapper json, SourceCatalog catalog) {
        this.json = json;
        for (String name : catalog.names()) {
            SourceCatalog.SourceSpec spec = catalog.get(name);
            try {
                compiled.put(key(spec.file().toString()), compile(spec.schema()));
            } catch (RuntimeException e) {
                throw new StartupCheckException(spec.file() + ": not a usable JSON Schema for records: " + e.getMessage());
            }
        }
    }

    /** For tests and routes outside the catalogue: schemas read from their files when first named. */
    RecordSchemas(ObjectMapper json) {
        this.json = json;
    }

    /** As {@link #check(Exchange, String)}, the file from the exchange property {@value #SCHEMA}: a plain call from the route. */
    @Override
    public void process(Exchange exchange) throws RegistryException {
        check(exchange, AnswerSupport.required(exchange, SCHEMA));
    }

    /** @param schemaFile the schema's path, as the route's {@code schema} parameter names it */
    public void check(Exchange exchange, String schemaFile) throws RegistryException {
        Object body = exchange.getMessage().getBody();
        JsonNode record;
        if (body instanceof JsonNode node) {
            record = node;
        } else {
            // a route that reshaped the record after its answer handler left text
            record = JsonAnswer.parse(json, AnswerSupport.bytes(exchange));
        }
        if (!schema(schemaFile).validate(record).isEmpty()) {
            throw new RegistryException.InvalidAnswer("the record breaks the source's schema");
        }
    }

    JsonSchema schema(String schemaFile) {
        JsonSchema named = byName.get(schemaFile);
        return named != null ? named : byName.computeIfAbsent(schemaFile, this::byKey);
    }

    private JsonSchema byKey(String schemaFile) {
        String key = key(schemaFile);
        JsonSchema known = compiled.get(key);
        return known != null ? known : compiled.computeIfAbsent(key, this::read);
    }

    /** The same file however a route spells it: {@code file:} prefix, {@code ./}, separators. */
    private static String key(String schemaFile) {
        String path = schemaFile.startsWith("file:") ? schemaFile.substring("file:".length()) : schemaFile;
        return Path.of(path).normalize().toString();
    }

    private JsonSchema read(String path) {
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            return compile(json.readTree(in));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(path + ": not a usable JSON Schema for records: " + e.getMessage(), e);
        }
    }

    private static JsonSchema compile(JsonNode schema) {
        // without $schema, the dialect camel-json-validator assumes
        SpecVersion.VersionFlag dialect = schema.has("$schema") ? SpecVersionDetector.detect(schema) : SpecVersion.VersionFlag.V201909;
        JsonSchema compiledSchema = JsonSchemaFactory.getInstance(dialect).getSchema(schema);
        compiledSchema.initializeValidators();
        return compiledSchema;
    }
}

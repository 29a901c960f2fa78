package vn.gov.prefill.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersionDetector;

/**
 * Checks the record an answer handler found against the source's JSON Schema (route bean
 * {@code recordSchema}), on the record as parsed, never parsing it again. Each schema file is compiled
 * once, with the dialect its {@code $schema} names, as Camel's json-validator would.
 */
@Component("recordSchema")
public class RecordSchemas {

    private final ObjectMapper json;
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

    RecordSchemas(ObjectMapper json) {
        this.json = json;
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
        return compiled.computeIfAbsent(schemaFile, this::compile);
    }

    private JsonSchema compile(String schemaFile) {
        String path = schemaFile.startsWith("file:") ? schemaFile.substring("file:".length()) : schemaFile;
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            JsonNode schema = json.readTree(in);
            JsonSchema compiledSchema = JsonSchemaFactory.getInstance(SpecVersionDetector.detect(schema)).getSchema(schema);
            compiledSchema.initializeValidators();
            return compiledSchema;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(path + ": not a usable JSON Schema for records: " + e.getMessage(), e);
        }
    }
}

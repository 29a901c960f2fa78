package vn.gov.prefill.form;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.gov.prefill.binding.Transforms;
import vn.gov.prefill.config.GatewayProperties;
import vn.gov.prefill.source.SourceCatalog;

/**
 * The forms under {@code schemas/forms/}, loaded and checked at start: a binding to an unknown source,
 * subject or transform, or to a path the source's schema lacks, stops the gateway with the file and
 * the JSON Pointer named.
 */
@Component
public class FormCatalog {

    public static final String SUFFIX = ".schema.json";

    private final Map<String, FormDefinition> forms;

    public FormCatalog(GatewayProperties properties, ObjectMapper json, SourceCatalog sources, Transforms transforms) {
        this.forms = Collections.unmodifiableMap(load(Path.of(properties.getPaths().getForms()), json, sources, transforms));
    }

    public Collection<FormDefinition> all() {
        return forms.values();
    }

    public FormDefinition get(String id) {
        return forms.get(id);
    }

    static Map<String, FormDefinition> load(Path dir, ObjectMapper json, SourceCatalog sources, Transforms transforms) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(dir.toAbsolutePath() + ": the form directory does not exist (gateway.paths.forms)");
        }
        Map<String, FormDefinition> out = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList()) {
                FormDefinition form = new FormReader(file, json, sources, transforms, errors).read();
                if (form != null) {
                    out.put(form.id(), form);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(dir + ": cannot list forms: " + e.getMessage(), e);
        }
        if (!errors.isEmpty()) {
            throw new FormDefinitionException(errors);
        }
        return out;
    }
}

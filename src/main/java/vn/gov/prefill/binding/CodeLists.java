package vn.gov.prefill.binding;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.gov.prefill.config.GatewayProperties;
import vn.gov.prefill.config.StartupCheckException;

/** The code lists under {@code schemas/codelists/}: {@code {"name", "description", "source", "codes": {code: value}}}. */
@Component
public class CodeLists {

    private final Map<String, Map<String, String>> lists;
    private final Path dir;

    @org.springframework.beans.factory.annotation.Autowired
    public CodeLists(GatewayProperties properties, ObjectMapper json) {
        this(load(Path.of(properties.getPaths().getCodelists()), json), Path.of(properties.getPaths().getCodelists()));
    }

    public CodeLists(Map<String, Map<String, String>> lists) {
        this(lists, Path.of("schemas/codelists"));
    }

    public CodeLists(Map<String, Map<String, String>> lists, Path dir) {
        this.lists = Collections.unmodifiableMap(lists);
        this.dir = dir;
    }

    /** The file a list is read from, for messages that name it. */
    public Path fileOf(String list) {
        return dir.resolve(list + ".json");
    }

    /** Every code of {@code list} with its value, in the file's order; empty when there is no such list. */
    public Map<String, String> codes(String list) {
        return lists.getOrDefault(list, Map.of());
    }

    public boolean has(String list) {
        return lists.containsKey(list);
    }

    /** The value of {@code code} in {@code list}, or null when the list does not hold it. */
    public String lookup(String list, String code) {
        Map<String, String> codes = lists.get(list);
        return codes == null ? null : codes.get(code);
    }

    static Map<String, Map<String, String>> load(Path dir, ObjectMapper json) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            throw new StartupCheckException(dir.toAbsolutePath() + ": the code list directory does not exist (gateway.paths.codelists)");
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode root = json.readTree(file.toFile());
                JsonNode codes = root.path("codes");
                if (!codes.isObject()) {
                    throw new StartupCheckException(file + ": /codes must be an object of code to value");
                }
                Map<String, String> map = new LinkedHashMap<>();
                codes.fields().forEachRemaining(e -> {
                    if (!e.getValue().isTextual()) {
                        throw new StartupCheckException(file + ": /codes/" + e.getKey() + " must be a string");
                    }
                    map.put(e.getKey(), e.getValue().asText());
                });
                out.put(file.getFileName().toString().replace(".json", ""), Collections.unmodifiableMap(map));
            }
        } catch (IOException e) {
            throw new IllegalStateException(dir + ": cannot read a code list: " + e.getMessage(), e);
        }
        return out;
    }
}

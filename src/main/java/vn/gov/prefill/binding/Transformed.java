package vn.gov.prefill.binding;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** What a chain of transforms made of a registry's value: the value (null for none) and the flags it raised. */
public record Transformed(JsonNode value, List<String> flags) {

    public Transformed {
        flags = List.copyOf(flags);
    }

    /** These flags followed by {@code more}, without repeats; null when there are none (a field without flags). */
    public List<String> flagsWith(List<String> more) {
        List<String> all = new ArrayList<>(flags);
        if (more != null) {
            more.stream().filter(f -> !all.contains(f)).forEach(all::add);
        }
        return all.isEmpty() ? null : List.copyOf(all);
    }
}

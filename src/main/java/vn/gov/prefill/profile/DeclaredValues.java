package vn.gov.prefill.profile;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.gov.prefill.config.PersonKeys;
import vn.gov.prefill.source.LocalAnswer;
import vn.gov.prefill.source.SourceFetcher;

/**
 * What citizens declared once, kept with their consent: sealed by {@link ProfileCipher}, stored under the
 * subject's person key (its HMAC, never its number), read back as the record of the {@code declared} source
 * (the route {@code direct:source-declared}), listed and erased by the subject. Values are never logged.
 */
@Component("declaredValues")
public class DeclaredValues implements Processor {

    private static final String PURPOSE = "declared-subject";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** One value as its subject sees it. */
    public record Declared(String key, String title, JsonNode value, String declaredAt, String formId) { }

    private final DeclaredStore store;
    private final ProfileCipher cipher;
    private final DeclaredKeys keys;
    private final PersonKeys personKeys;
    private final ObjectMapper json;

    DeclaredValues(DeclaredStore store, ProfileCipher cipher, DeclaredKeys keys, PersonKeys personKeys, ObjectMapper json) {
        this.store = store;
        this.cipher = cipher;
        this.keys = keys;
        this.personKeys = personKeys;
        this.json = json;
    }

    /**
     * Keeps these values for the subject (a personal number or an enterprise code), each replacing the one kept
     * before; a value its key's schema refuses is not kept. To be called in the filing's transaction. The keys kept.
     */
    public List<String> keep(String subjectId, Map<String, JsonNode> values, String formId, Instant at) {
        String subject = subjectKey(subjectId);
        List<String> kept = new ArrayList<>();
        values.forEach((key, value) -> {
            if (value == null || value.isNull() || value.isMissingNode() || !keys.problems(key, value).isEmpty()) {
                return;
            }
            store.put(subject, key, cipher.seal(value.toString(), subject + "\n" + key), at, formId);
            kept.add(key);
        });
        return kept;
    }

    /** The subject's declared values, by key. */
    public List<Declared> of(String subjectId) {
        String subject = subjectKey(subjectId);
        List<Declared> out = new ArrayList<>();
        for (DeclaredStore.Row row : store.of(subject)) {
            DeclaredKeys.Key key = keys.get(row.key());
            if (key == null) {
                // a key no longer configured: kept until erased, never offered
                continue;
            }
            out.add(new Declared(row.key(), key.title(), value(cipher.open(row.sealed(), subject + "\n" + row.key())),
                    at(row.declaredAt()), row.formId()));
        }
        return out;
    }

    /** Erases one declared value, at once and for good; false when there was none. */
    public boolean erase(String subjectId, String key) {
        return store.erase(subjectKey(subjectId), key) > 0;
    }

    /** Erases every declared value of the subject; how many there were. */
    public int eraseAll(String subjectId) {
        return store.eraseAll(subjectKey(subjectId));
    }

    /** The route's step: the subject's record of the declared source, or NOT_FOUND when nothing is kept. */
    /** {@link #answer}: {@code process: declaredValues} in a route, a plain call. */
    @Override
    public void process(Exchange exchange) {
        answer(exchange);
    }

    public void answer(Exchange exchange) {
        List<Declared> declared = of(exchange.getProperty(SourceFetcher.SUBJECT, String.class));
        if (declared.isEmpty()) {
            LocalAnswer.notFound(exchange);
            return;
        }
        ObjectNode record = json.createObjectNode();
        ObjectNode dates = json.createObjectNode();
        Map<String, String> when = new LinkedHashMap<>();
        for (Declared d : declared) {
            record.set(d.key(), d.value());
            when.put(d.key(), d.declaredAt());
        }
        when.forEach(dates::put);
        record.set(DeclaredKeys.DECLARED_AT, dates);
        LocalAnswer.found(exchange, record);
    }

    private String subjectKey(String subjectId) {
        return personKeys.of(PURPOSE, subjectId);
    }

    private JsonNode value(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a declared value decrypted to something that is not JSON", e);
        }
    }

    private static String at(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.truncatedTo(ChronoUnit.MILLIS).atZone(VIETNAM).toOffsetDateTime());
    }
}

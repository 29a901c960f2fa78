package vn.gov.prefill.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import vn.gov.prefill.source.ReadStatus;
import vn.gov.prefill.source.SourceCatalog;
import vn.gov.prefill.source.SourceOutcome;

/**
 * Reads that no form declares: each through a named route of a registry, about the caller or about
 * subjects found in an earlier record, one subject per element of an array there (a fan-out: the
 * children in the caller's births, the enterprises the caller represents). Settled wave by wave like a
 * {@link BindingPlan}: a fan-out's reads wait for the record that lists its subjects.
 */
public final class RecordPlan {

    /** The caller, the only subject known before any read. */
    public static final String SELF = "self";

    /**
     * A read of {@code source} through {@code endpoint} about every subject named {@code subject}; null
     * {@code endpoint} and {@code key}: the source's own route and key.
     */
    public record Lookup(String source, String endpoint, SourceCatalog.KeyKind key, String subject) { }

    /**
     * The subjects named {@code name}: one per element of the array at {@code each} (null: the record
     * itself is the one element) in the record {@code from} read, identified by the value at {@code id}.
     */
    public record FanOut(String name, Lookup from, String each, String id) { }

    /** One subject: its name, its place in the array it was found in (-1 for the caller), its identifier and element. */
    public record Found(String name, int index, String id, JsonNode element) { }

    /** A read to make in this wave. */
    public record Fetch(Lookup lookup, Found subject) { }

    private final SourceCatalog sources;
    private final Set<Lookup> lookups;
    private final Map<String, FanOut> fanOuts = new LinkedHashMap<>();
    private final Set<String> consented;
    private final Map<String, List<Found>> found = new LinkedHashMap<>();
    private final Map<Lookup, Map<Found, SourceOutcome>> outcomes = new LinkedHashMap<>();

    /**
     * @param lookups   the reads wanted; the reads that list a fan-out's subjects are added
     * @param consented the sources consented to, or null for all
     */
    public RecordPlan(SourceCatalog sources, Collection<Lookup> lookups, Collection<FanOut> fanOuts, String selfId,
                      Set<String> consented) {
        this.sources = sources;
        this.consented = consented;
        fanOuts.forEach(f -> this.fanOuts.put(f.name(), f));
        this.lookups = new LinkedHashSet<>();
        lookups.forEach(this::need);
        found.put(SELF, List.of(new Found(SELF, -1, selfId, null)));
    }

    private void need(Lookup lookup) {
        FanOut f = fanOuts.get(lookup.subject());
        if (f != null) {
            need(f.from());
        }
        lookups.add(lookup);
    }

    /** The reads that can be made now; null when nothing is left to do. */
    public List<Fetch> nextWave() {
        for (FanOut f : fanOuts.values()) {
            if (!found.containsKey(f.name()) && complete(f.from())) {
                found.put(f.name(), subjectsIn(f));
            }
        }
        List<Fetch> wave = new ArrayList<>();
        boolean progressed = false;
        for (Lookup lookup : lookups) {
            List<Found> subjects = found.get(lookup.subject());
            if (outcomes.containsKey(lookup) || subjects == null) {
                continue;
            }
            progressed = true;
            Map<Found, SourceOutcome> byFound = new LinkedHashMap<>();
            outcomes.put(lookup, byFound);
            for (Found s : subjects) {
                if (consented != null && !consented.contains(lookup.source())) {
                    byFound.put(s, SourceOutcome.of(lookup.source(), ReadStatus.NOT_CONSENTED, 0, null));
                } else if ((lookup.key() == null ? sources.get(lookup.source()).key() : lookup.key()).problemWith(s.id()) != null) {
                    byFound.put(s, SourceOutcome.of(lookup.source(), ReadStatus.SKIPPED, 0, BindingPlan.SUBJECT_ABSENT));
                } else {
                    wave.add(new Fetch(lookup, s));
                }
            }
        }
        return progressed ? wave : null;
    }

    /** What a read of this wave gave. */
    public void done(Fetch fetch, SourceOutcome outcome) {
        outcomes.get(fetch.lookup()).put(fetch.subject(), outcome);
    }

    /** The subjects of a name, in array order; null when the record listing them could not be read. */
    public List<Found> subjects(String name) {
        return found.get(name);
    }

    /** What the read gave about one subject, or null when it was never made (its subjects unknown). */
    public SourceOutcome outcome(Lookup lookup, Found subject) {
        Map<Found, SourceOutcome> byFound = outcomes.get(lookup);
        return byFound == null ? null : byFound.get(subject);
    }

    /** Every read of the plan about each subject (complete once {@link #nextWave()} gave null). */
    public Map<Lookup, Map<Found, SourceOutcome>> outcomes() {
        return Collections.unmodifiableMap(outcomes);
    }

    private boolean complete(Lookup lookup) {
        Map<Found, SourceOutcome> byFound = outcomes.get(lookup);
        return byFound != null && byFound.size() == found.get(lookup.subject()).size();
    }

    /** A fan-out's subjects, or null when its record is not there to list them. */
    private List<Found> subjectsIn(FanOut f) {
        List<Found> from = found.get(f.from().subject());
        SourceOutcome o = from.size() == 1 ? outcomes.get(f.from()).get(from.get(0)) : null;
        if (o == null || !o.status().answered()) {
            return null;
        }
        List<Found> out = new ArrayList<>();
        if (!o.hasRecord()) {
            return out;
        }
        JsonNode elements = f.each() == null ? null : o.record().at(f.each());
        if (f.each() == null) {
            addFound(out, f, -1, o.record());
        } else if (elements.isArray()) {
            for (int i = 0; i < elements.size(); i++) {
                addFound(out, f, i, elements.get(i));
            }
        }
        return out;
    }

    private static void addFound(List<Found> out, FanOut f, int index, JsonNode element) {
        JsonNode id = element.at(f.id());
        if (id.isValueNode() && !id.asText().isBlank()) {
            out.add(new Found(f.name(), index, id.asText().strip(), element));
        }
    }
}

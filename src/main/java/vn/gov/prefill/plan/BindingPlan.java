package vn.gov.prefill.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import vn.gov.prefill.form.FormDefinition;
import vn.gov.prefill.form.FormDefinition.Candidate;
import vn.gov.prefill.form.FormDefinition.Field;
import vn.gov.prefill.form.FormDefinition.Read;
import vn.gov.prefill.form.FormDefinition.Subject;
import vn.gov.prefill.source.ReadStatus;
import vn.gov.prefill.source.SourceCatalog;
import vn.gov.prefill.source.SourceOutcome;

/**
 * The {@code (source, subject)} reads one request needs (nothing more) and what became of each. A
 * subject found in another record is settled once that record is in, so the reads come in waves: each
 * {@link #nextWave()} holds what can be read now.
 */
public final class BindingPlan {

    public static final String SUBJECT_ABSENT = "the subject is not in the record it comes from";
    static final String UPSTREAM_FAILED = "the record naming the subject could not be read";
    static final String UPSTREAM_NOT_CONSENTED = "the record naming the subject is from a source outside the consent";

    /** A read to make in this wave: the source about the subject whose identifier is {@code id}. */
    public record Fetch(Read read, String id) { }

    private final SourceCatalog sources;
    private final Collection<Subject> subjects;
    private final Set<String> consented;
    private final Set<Read> needed = new LinkedHashSet<>();
    private final Map<String, String> subjectIds = new HashMap<>();
    private final Map<String, String> subjectBlocked = new HashMap<>();
    private final Map<Read, SourceOutcome> outcomes = new LinkedHashMap<>();

    /**
     * @param subjects  the subjects by name, as a form declares them
     * @param wanted    the reads whose records are wanted; the reads that name their subjects are added
     * @param known     the identifiers known from the request (the token's, actingFor's), by subject name
     * @param consented the sources the request consents to, or null for all
     */
    public BindingPlan(SourceCatalog sources, Map<String, Subject> subjects, Collection<Read> wanted, Map<String, String> known,
                       Set<String> consented) {
        this.sources = sources;
        this.subjects = subjects.values();
        this.consented = consented;
        for (Read read : wanted) {
            need(subjects, read);
        }
        for (Subject s : this.subjects) {
            if (s.origin() != FormDefinition.SubjectOrigin.RECORD) {
                settle(s.name(), known.get(s.name()), null);
            }
        }
    }

    /**
     * Every read the form's bindings name, and the registry of results for each attachment slot's subject, for the
     * signed-in person and the request's actingFor.
     */
    public static BindingPlan forForm(SourceCatalog sources, FormDefinition form, String tokenId, String actingForId,
                                      Set<String> consented) {
        List<Read> wanted = new ArrayList<>();
        for (Field f : form.fields()) {
            for (Candidate c : f.candidates()) {
                wanted.add(c.read());
            }
        }
        for (FormDefinition.Attachment slot : form.attachments().values()) {
            wanted.add(slot.read());
        }
        Map<String, String> known = new HashMap<>();
        for (Subject s : form.subjects().values()) {
            switch (s.origin()) {
                case TOKEN -> known.put(s.name(), tokenId);
                case ACTING_FOR -> known.put(s.name(), actingForId);
                case RECORD -> { }
            }
        }
        return new BindingPlan(sources, form.subjects(), wanted, known, consented);
    }

    private void need(Map<String, Subject> all, Read read) {
        if (needed.add(read)) {
            Subject subject = all.get(read.subject());
            if (subject.from() != null) {
                need(all, subject.from());
            }
        }
    }

    /**
     * The reads that can be made now. Reads that need no call (outside the consent, a subject without a
     * well-formed identifier) are settled here; null when nothing is left to do.
     */
    public List<Fetch> nextWave() {
        for (Subject s : subjects) {
            if (s.from() != null && !settled(s.name()) && outcomes.containsKey(s.from())) {
                SourceOutcome from = outcomes.get(s.from());
                settle(s.name(), from.hasRecord() ? idIn(from.record(), s) : null, blockedBy(from));
            }
        }
        List<Fetch> wave = new ArrayList<>();
        boolean progressed = false;
        for (Read read : needed) {
            if (outcomes.containsKey(read) || !settled(read.subject())) {
                continue;
            }
            progressed = true;
            String id = subjectIds.get(read.subject());
            String blocked = subjectBlocked.get(read.subject());
            if (consented != null && !consented.contains(read.source()) || UPSTREAM_NOT_CONSENTED.equals(blocked)) {
                outcomes.put(read, SourceOutcome.of(read.source(), ReadStatus.NOT_CONSENTED, 0, null));
            } else if (id == null) {
                outcomes.put(read, SourceOutcome.of(read.source(), ReadStatus.SKIPPED, 0, blocked));
            } else if (sources.get(read.source()).key().problemWith(id) != null) {
                // a number in a record that is not well formed is never sent anywhere; the field stays for the citizen
                outcomes.put(read, SourceOutcome.of(read.source(), ReadStatus.SKIPPED, 0, SUBJECT_ABSENT));
            } else {
                wave.add(new Fetch(read, id));
            }
        }
        if (!progressed) {
            for (Read read : needed) {
                outcomes.putIfAbsent(read, SourceOutcome.of(read.source(), ReadStatus.SKIPPED, 0, UPSTREAM_FAILED));
            }
            return null;
        }
        return wave;
    }

    /** What a read of this wave gave. */
    public void done(Read read, SourceOutcome outcome) {
        outcomes.put(read, outcome);
    }

    /** Every read of the plan with its outcome, in plan order (complete once {@link #nextWave()} gave null). */
    public Map<Read, SourceOutcome> outcomes() {
        return Collections.unmodifiableMap(outcomes);
    }

    /** The identifier of a subject, or null when it is not known. */
    public String subjectId(String subject) {
        return subjectIds.get(subject);
    }

    private boolean settled(String subject) {
        return subjectIds.get(subject) != null || subjectBlocked.containsKey(subject);
    }

    private void settle(String subject, String id, String blocked) {
        if (id != null) {
            subjectIds.put(subject, id);
            subjectBlocked.remove(subject);
        } else {
            subjectIds.remove(subject);
            subjectBlocked.put(subject, blocked == null ? SUBJECT_ABSENT : blocked);
        }
    }

    /** Why a subject found in {@code from}'s record has no number, when it has none. */
    private static String blockedBy(SourceOutcome from) {
        if (from.status() == ReadStatus.NOT_CONSENTED || UPSTREAM_NOT_CONSENTED.equals(from.reason())) {
            return UPSTREAM_NOT_CONSENTED;
        }
        boolean answered = from.status().answered() || from.status() == ReadStatus.SKIPPED && SUBJECT_ABSENT.equals(from.reason());
        return answered ? SUBJECT_ABSENT : UPSTREAM_FAILED;
    }

    /** The subject's identifier in another record. */
    static String idIn(JsonNode record, Subject s) {
        JsonNode at = s.locator().find(record);
        return at == null || !at.isValueNode() || at.asText().isBlank() ? null : at.asText().strip();
    }
}

package vn.gov.prefill.form;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import vn.gov.prefill.binding.Transform;

/**
 * One e-form as its JSON Schema declares it: the {@code x-form} header and every {@code x-prefill} binding,
 * resolved and checked at start.
 */
public record FormDefinition(String id, Path file, JsonNode schema, String title, String version, String procedureCode,
                             String minLoa, Set<String> actingFor, Map<String, Subject> subjects, List<Field> fields,
                             Set<String> sources, Map<String, Declared> declared, Map<String, Attachment> attachments) {

    /** The registry of digitised results an attachment slot is offered from, read as {@code dossiers@<of>}. */
    public static final String DOSSIERS_SOURCE = "dossiers";

    /**
     * An attachment slot ({@code /properties/attachments/properties/<slot>} with {@code x-attachment}): filled by
     * reference to a document of one of the {@code accepts} types ({@code MaKetQua}) of subject {@code of}, never
     * part of the form's data. {@code pointer} is {@code /attachments/<slot>}.
     */
    public record Attachment(String pointer, String title, List<String> accepts, String of) {

        /** The read that offers the slot's documents from the registry. */
        public Read read() {
            return new Read(DOSSIERS_SOURCE, of);
        }
    }

    /** The source of what citizens declared once: a form binds it as {@code declared@<subject>}. */
    public static final String DECLARED_SOURCE = "declared";

    /**
     * A field the citizen may declare once ({@code "x-declare": "<key>"}): the key it is kept under, and whose
     * value it is (the subject of the field's {@code declared@} binding, else {@code self}).
     */
    public record Declared(String key, String subject) { }

    /** Where a subject's identifier comes from. */
    public enum SubjectOrigin { TOKEN, ACTING_FOR, RECORD }

    /**
     * A person or enterprise the form is about. {@code RECORD} subjects are found in another read's record
     * ({@code from} and {@code path}), optionally the first array element matching {@code where}.
     */
    public record Subject(String name, SubjectOrigin origin, Read from, Locator locator) { }

    /** One read: a source about a subject. */
    public record Read(String source, String subject) {
        @Override
        public String toString() {
            return source + "@" + subject;
        }
    }

    /**
     * One way to fill a field, in precedence order among its field's candidates. {@code checks} compare the
     * value with the digits of the subject's personal number (a flag, never a refusal).
     */
    public record Candidate(Read read, Locator locator, List<Transform> transforms, boolean locked, List<IdCheck> checks) { }

    /** What the personal number's digits say about its holder (VIETNAM.md): checked against the record. */
    public enum IdCheck { SEX, BIRTH_YEAR }

    /** A property of an array element, relative to the element. */
    public record Element(String name, String path, List<Transform> transforms) { }

    /** A bound field, at {@code pointer} in the form's data; {@code elements} non-empty for arrays mapped element by element. */
    public record Field(String pointer, List<Candidate> candidates, List<Element> elements) {
        public boolean isArray() {
            return !elements.isEmpty();
        }
    }
}

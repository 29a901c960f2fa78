package vn.gov.prefill.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The hash as docs/disclosure-log.md defines it, pinned: a change of the serialisation would make every stored
 * chain look tampered with, so it must be deliberate (a new version tag), never accidental.
 */
class DisclosureHashTest {

    static LoggedDisclosure row(String formId, String formVersion, String actingFor) {
        return new LoggedDisclosure(7, Instant.parse("2026-05-20T01:02:03.123456Z"), "01M80S56AH5AWTHF11GCA8ZS5W",
                "demo-e-form", "027190001234", "027088004321", "spouse", actingFor, formId, formVersion, "2.000488",
                "[\"population\"]", "{\"population\":\"OK\"}", "[\"/spouse/fullName\",\"/spouse/dateOfBirth\"]",
                DisclosureHash.GENESIS, null);
    }

    @Test
    void theHashIsSha256OfTheCanonicalArrayTheReadmeDescribes() {
        LoggedDisclosure r = row("criminal-record-request", "2026.1", null);

        assertThat(DisclosureHash.material(r)).isEqualTo("[\"disclosure/v1\",7,\"" + "0".repeat(64)
                + "\",\"2026-05-20T01:02:03.123456Z\",\"01M80S56AH5AWTHF11GCA8ZS5W\",\"demo-e-form\",\"027190001234\","
                + "\"027088004321\",\"spouse\",null,\"criminal-record-request\",\"2026.1\",\"2.000488\","
                + "\"[\\\"population\\\"]\",\"{\\\"population\\\":\\\"OK\\\"}\","
                + "\"[\\\"/spouse/fullName\\\",\\\"/spouse/dateOfBirth\\\"]\"]");
        // computed independently (Python hashlib over the same text)
        assertThat(DisclosureHash.of(r)).isEqualTo("1d347369d4ba86b9a2b858306f7327b3657788e8f51ccba1d77eed2237b88050");
    }

    @Test
    void movingCharactersBetweenNeighbouringFieldsChangesTheHash() {
        assertThat(DisclosureHash.of(row("criminal-record-request", "2026.1", null)))
                .isNotEqualTo(DisclosureHash.of(row("criminal-record-request2", "026.1", null)));
        assertThat(DisclosureHash.of(row("x", "2026.1", null))).isNotEqualTo(DisclosureHash.of(row("x", "2026.1", "null")));
        assertThat(DisclosureHash.of(row("x", null, null))).isNotEqualTo(DisclosureHash.of(row("x", "", null)));
    }

    @Test
    void instantsAreWrittenInUtcWithSixDecimalsAlways() {
        assertThat(DisclosureHash.format(Instant.parse("2026-05-20T01:02:03Z"))).isEqualTo("2026-05-20T01:02:03.000000Z");
        assertThat(DisclosureHash.format(DisclosureHash.truncate(Instant.parse("2026-05-20T01:02:03.123456789Z"))))
                .isEqualTo("2026-05-20T01:02:03.123456Z");
    }

    @Test
    void canonicalJsonSortsKeysAndEscapesAsJcs() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("population", "OK");
        map.put("business", "TIMEOUT");
        map.put("Z", Arrays.asList(1L, null, "a\"b\\c\nd\u0001é\t/"));

        assertThat(CanonicalJson.write(map))
                .isEqualTo("{\"Z\":[1,null,\"a\\\"b\\\\c\\nd\\u0001é\\t/\"],\"business\":\"TIMEOUT\",\"population\":\"OK\"}");
        assertThat(CanonicalJson.write(List.of())).isEqualTo("[]");
        assertThat(CanonicalJson.write(Map.of())).isEqualTo("{}");
    }

    @Test
    void aDisclosureIsStoredWithCanonicalColumnsAndMicrosecondTime() {
        LoggedDisclosure d = JdbcDisclosureLog.unchained(new Disclosure("R", Instant.parse("2026-05-20T01:02:03.123456789Z"),
                "c", "027190001234", "027190001234", "self", null, "f", "1", "p", List.of("population", "business"),
                Map.of("population", "OK", "business", "NOT_FOUND"), List.of("/b", "/a")));

        assertThat(d.recordedAt()).isEqualTo(Instant.parse("2026-05-20T01:02:03.123456Z"));
        assertThat(d.sources()).isEqualTo("{\"business\":\"NOT_FOUND\",\"population\":\"OK\"}");
        assertThat(d.consentedSources()).as("a set: sorted").isEqualTo("[\"business\",\"population\"]");
        assertThat(d.releasedPointers()).as("in the form's order").isEqualTo("[\"/b\",\"/a\"]");
    }

    @Test
    void aRecordMadeAtADeskIsHashedAsV2WithTheDeskInItsOwnSlotAndOthersKeepTheirHash() {
        LoggedDisclosure alone = row("criminal-record-request", "2026.1", null);
        LoggedDisclosure d = JdbcDisclosureLog.unchained(new Disclosure("R", Instant.parse("2026-05-20T01:02:03Z"), "c",
                "027190001234", "027190001234", "self", null, "f", "1", "p", null, Map.of("population", "OK"), List.of("/a"),
                new vn.gov.prefill.identity.Desk("CB.27.0042", "000.27.31.H09", "Bộ phận Một cửa phường Kinh Bắc")));

        assertThat(d.desk()).isEqualTo("{\"officer\":\"CB.27.0042\",\"unit\":\"000.27.31.H09\",\"unitName\":\"Bộ phận Một cửa phường Kinh Bắc\"}");
        assertThat(DisclosureHash.material(d)).startsWith("[\"disclosure/v2\",")
                .endsWith(",\"[\\\"/a\\\"]\",\"{\\\"officer\\\":\\\"CB.27.0042\\\",\\\"unit\\\":\\\"000.27.31.H09\\\","
                        + "\\\"unitName\\\":\\\"Bộ phận Một cửa phường Kinh Bắc\\\"}\"]");
        // the desk is covered: another officer, another hash
        LoggedDisclosure other = new LoggedDisclosure(d.seq(), d.recordedAt(), d.requestId(), d.client(), d.actorId(), d.subjectId(),
                d.subjectRole(), d.actingFor(), d.formId(), d.formVersion(), d.procedureCode(), d.consentedSources(), d.sources(),
                d.releasedPointers(), d.prevHash(), null, d.desk().replace("0042", "0043"));
        assertThat(DisclosureHash.of(other)).isNotEqualTo(DisclosureHash.of(d));
        // a record without a desk keeps the v1 hash it always had
        assertThat(DisclosureHash.of(alone)).isEqualTo("1d347369d4ba86b9a2b858306f7327b3657788e8f51ccba1d77eed2237b88050");
    }
}

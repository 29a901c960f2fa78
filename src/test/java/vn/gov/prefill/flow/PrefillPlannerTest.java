package vn.gov.prefill.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.gov.prefill.binding.CodeLists;
import vn.gov.prefill.binding.Transforms;
import vn.gov.prefill.config.GatewayProperties;
import vn.gov.prefill.form.FormCatalog;
import vn.gov.prefill.form.FormDefinition;
import vn.gov.prefill.identity.Citizen;
import vn.gov.prefill.mapping.FieldMapper;
import vn.gov.prefill.mapping.FieldStatus;
import vn.gov.prefill.plan.SourceSummary;
import vn.gov.prefill.plan.WaveRunner;
import vn.gov.prefill.source.ReadStatus;
import vn.gov.prefill.source.RecordReader;
import vn.gov.prefill.source.SourceCatalog;
import vn.gov.prefill.source.SourceOutcome;

/** The planner and mapper over the real forms and source schemas, with registries scripted in memory. */
class PrefillPlannerTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final GatewayProperties PROPERTIES = new GatewayProperties();
    static final SourceCatalog SOURCES = new SourceCatalog(PROPERTIES, JSON);
    static final FormCatalog FORMS = new FormCatalog(PROPERTIES, JSON, SOURCES, new Transforms(new CodeLists(PROPERTIES, JSON)));
    static final FormDefinition CRIMINAL = FORMS.get("criminal-record-request");
    static final Citizen HOA = new Citizen("027190001234", "1", null, "LoA2", "test");

    /** Answers from a map of "source|id" to a JSON record (or a status name), recording every call in order. */
    static final class ScriptedRegistries implements RecordReader {
        final Map<String, String> script;
        final List<String> calls = new ArrayList<>();

        ScriptedRegistries(Map<String, String> script) {
            this.script = script;
        }

        @Override
        public synchronized CompletableFuture<SourceOutcome> read(String source, String key, String requestId, String purpose, long deadline) {
            calls.add(source + "|" + key);
            String answer = script.get(source + "|" + key);
            try {
                if (answer == null) {
                    return CompletableFuture.completedFuture(SourceOutcome.of(source, ReadStatus.NOT_FOUND, 1, null));
                }
                if (!answer.startsWith("{")) {
                    return CompletableFuture.completedFuture(SourceOutcome.of(source, ReadStatus.valueOf(answer), 1, "scripted"));
                }
                return CompletableFuture.completedFuture(new SourceOutcome(source, ReadStatus.OK, JSON.readTree(answer), 1, null));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public CompletableFuture<SourceOutcome> read(String source, String endpoint, String key, String requestId, String purpose,
                                                     long deadline) {
            return read(source, key, requestId, purpose, deadline);
        }
    }

    static final String HOA_RECORD = """
            {"SoDinhDanh": "027190001234", "HoVaTen": {"Ho": "NGUYỄN", "ChuDem": "THỊ", "Ten": "HOA"},
             "NgayThangNamSinh": {"NgayThangNam": "19900215"}, "GioiTinh": "2",
             "Cha": {"HoVaTen": "NGUYỄN VĂN HÙNG", "SoDinhDanh": "027060000111"},
             "VoChong": {"HoVaTen": "TRẦN VĂN BÌNH", "SoDinhDanh": "027088004321"},
             "NgayCapNhat": "2025-07-01T08:00:00+07:00"}""";

    PrefillResponse run(ScriptedRegistries registries, FormDefinition form, PrefillRequest request) {
        return new PrefillService(new WaveRunner(registries), new FieldMapper(SOURCES), SOURCES, PROPERTIES).prefill(form, HOA, request, "01TEST").response();
    }

    @Test
    void relativesAreReadInASecondWaveThroughTheNumbersInTheApplicantsRecord() {
        ScriptedRegistries registries = new ScriptedRegistries(Map.of(
                "population|027190001234", HOA_RECORD,
                "population|027060000111", "{\"SoDinhDanh\": \"027060000111\", \"HoVaTen\": {\"Ho\": \"NGUYỄN\", \"ChuDem\": \"VĂN\", \"Ten\": \"HÙNG\"}, \"NgayThangNamSinh\": {\"NgayThangNam\": \"19600520\"}}",
                "population|027088004321", "{\"SoDinhDanh\": \"027088004321\", \"HoVaTen\": {\"Ho\": \"TRẦN\", \"ChuDem\": \"VĂN\", \"Ten\": \"BÌNH\"}, \"NgayThangNamSinh\": {\"NgayThangNam\": \"19881102\"}}"));

        PrefillResponse response = run(registries, CRIMINAL, new PrefillRequest(null, null));

        // the first wave: the applicant's record, what she declared, and her results for the previous certificate's slot
        assertThat(registries.calls.subList(0, 3)).containsExactlyInAnyOrder("population|027190001234", "declared|027190001234",
                "dossiers|027190001234");
        // the mother has no number in the record: she is not read at all
        assertThat(registries.calls).containsExactlyInAnyOrder("population|027190001234", "declared|027190001234",
                "dossiers|027190001234", "population|027060000111", "population|027088004321");
        assertThat(response.data().at("/father/dateOfBirth").asText()).isEqualTo("1960-05-20");
        assertThat(response.data().at("/spouse/fullName").asText()).isEqualTo("TRẦN VĂN BÌNH");
        assertThat(response.fields().get("/mother/fullName").status()).isEqualTo(FieldStatus.EMPTY);
        assertThat(response.fields().get("/father/dateOfBirth").status()).isEqualTo(FieldStatus.PREFILLED);
        // the father's own record has no asOf; the provenance is his record's, not the applicant's
        assertThat(response.fields().get("/father/dateOfBirth").asOf()).isNull();
        assertThat(response.fields().get("/applicant/fullName").asOf()).isEqualTo("2025-07-01T08:00:00+07:00");
    }

    @Test
    void whenTheFirstWaveFailsTheSecondIsSkippedAndItsFieldsAreSourceFailed() {
        ScriptedRegistries registries = new ScriptedRegistries(Map.of("population|027190001234", "TIMEOUT"));

        PrefillResponse response = run(registries, CRIMINAL, new PrefillRequest(null, null));

        assertThat(registries.calls).containsExactlyInAnyOrder("population|027190001234", "declared|027190001234",
                "dossiers|027190001234");
        assertThat(response.sources().get("population").status()).isEqualTo("TIMEOUT");
        assertThat(response.sources().get("population").reads()).extracting(SourceSummary.ReadSummary::status)
                .containsExactly("TIMEOUT", "SKIPPED", "SKIPPED", "SKIPPED");
        response.fields().forEach((pointer, f) -> assertThat(f.status()).as(pointer)
                .isEqualTo(f.source().equals("declared") ? FieldStatus.EMPTY : FieldStatus.SOURCE_FAILED));
        assertThat(response.data().isEmpty()).isTrue();
    }

    @Test
    void twoCandidatesThatDisagreeMakeAConflictWithTheValueByPrecedence() {
        ScriptedRegistries registries = new ScriptedRegistries(Map.of(
                "population|027190001234", HOA_RECORD,
                "population|027060000111", "{\"SoDinhDanh\": \"027060000111\", \"HoVaTen\": {\"Ho\": \"NGUYỄN\", \"Ten\": \"HÙNG\"}}"));

        PrefillResponse response = run(registries, CRIMINAL, new PrefillRequest(null, null));

        var father = response.fields().get("/father/fullName");
        assertThat(father.status()).isEqualTo(FieldStatus.CONFLICT);
        assertThat(father.value().asText()).isEqualTo("NGUYỄN HÙNG");
        assertThat(father.alternatives()).hasSize(1);
        assertThat(father.alternatives().get(0).value().asText()).isEqualTo("NGUYỄN VĂN HÙNG");
        assertThat(father.alternatives().get(0).source()).isEqualTo("population");
        assertThat(response.data().at("/father/fullName").asText()).isEqualTo("NGUYỄN HÙNG");
    }

    @Test
    void aLowerCandidateFillsTheFieldWhenTheFirstSourceFailed() {
        ScriptedRegistries registries = new ScriptedRegistries(Map.of(
                "population|027190001234", HOA_RECORD,
                "population|027060000111", "UNAVAILABLE"));

        PrefillResponse response = run(registries, CRIMINAL, new PrefillRequest(null, null));

        assertThat(response.fields().get("/father/fullName").status()).isEqualTo(FieldStatus.PREFILLED);
        assertThat(response.data().at("/father/fullName").asText()).isEqualTo("NGUYỄN VĂN HÙNG");
        assertThat(response.fields().get("/father/dateOfBirth").status()).isEqualTo(FieldStatus.SOURCE_FAILED);
        assertThat(response.sources().get("population").status()).isEqualTo("UNAVAILABLE");
    }

    @Test
    void sourcesOutsideTheConsentAreNeverCalled() {
        ScriptedRegistries registries = new ScriptedRegistries(Map.of("population|027190001234", HOA_RECORD));

        PrefillResponse response = run(registries, CRIMINAL, new PrefillRequest(null, Set.of("business")));

        assertThat(registries.calls).isEmpty();
        response.fields().values().forEach(f -> assertThat(f.status()).isEqualTo(FieldStatus.NOT_CONSENTED));
        assertThat(response.sources().get("population").status()).isEqualTo("NOT_CONSENTED");
    }

    @Test
    void aSubjectNamedOnlyByASourceOutsideTheConsentIsNotConsentedEither() {
        ScriptedRegistries registries = new ScriptedRegistries(Map.of("population|027190001234", HOA_RECORD));

        PrefillResponse response = run(registries, FORMS.get("birth-registration"), new PrefillRequest(null, Set.of("population")));

        // civil-status names the mother and the father: with it out of the consent they are not read at all
        assertThat(registries.calls).containsExactly("population|027190001234");
        assertThat(response.fields().get("/mother/fullName").status()).isEqualTo(FieldStatus.NOT_CONSENTED);
        assertThat(response.fields().get("/father/residence").status()).isEqualTo(FieldStatus.NOT_CONSENTED);
        assertThat(response.fields().get("/requester/fullName").status()).isEqualTo(FieldStatus.PREFILLED);
        assertThat(response.sources().get("civil-status").status()).isEqualTo("NOT_CONSENTED");
        assertThat(response.sources().get("population").status()).isEqualTo("OK");
    }

    @Test
    void aRelativesNumberThatIsNotWellFormedIsNotSentToTheRegistry() {
        ScriptedRegistries registries = new ScriptedRegistries(Map.of("population|027190001234",
                HOA_RECORD.replace("027088004321", "02708800432<")));

        PrefillResponse response = run(registries, CRIMINAL, new PrefillRequest(null, null));

        assertThat(registries.calls).noneMatch(c -> c.contains("<"));
        assertThat(response.fields().get("/spouse/dateOfBirth").status()).isEqualTo(FieldStatus.EMPTY);
        // the name still comes from the applicant's own record
        assertThat(response.data().at("/spouse/fullName").asText()).isEqualTo("TRẦN VĂN BÌNH");
    }

    @Test
    void enterpriseRecordGivesTheRepresentativeReadAndArraysAreMappedElementByElement() {
        FormDefinition form = FORMS.get("enterprise-change-notice");
        ScriptedRegistries registries = new ScriptedRegistries(Map.of(
                "business|0100233488", """
                        {"MaSoDoanhNghiep": "0100233488", "TenTiengViet": "Công ty TNHH Thương mại Kinh Bắc", "VonDieuLe": 5000000000.0,
                         "DaiDienPhapLuat": [{"HoVaTen": "TRẦN VĂN BÌNH", "SoGiayTo": "027088004321"}],
                         "NganhNgheKinhDoanh": [{"MaNganh": "4649", "TenNganh": "Bán buôn", "LaNganhChinh": true}, {"MaNganh": "4690"}]}""",
                "population|027088004321", "{\"SoDinhDanh\": \"027088004321\", \"NgayThangNamSinh\": {\"NgayThangNam\": \"19881102\"}}"));
        Citizen binh = new Citizen("027088004321", "1", null, "LoA2", "test");

        PrefillResponse response = new PrefillService(new WaveRunner(registries), new FieldMapper(SOURCES), SOURCES, PROPERTIES)
                .prefill(form, binh, new PrefillRequest(new PrefillRequest.ActingFor("ENTERPRISE", "0100233488"), null), "01TEST").response();

        assertThat(registries.calls).containsExactly("business|0100233488", "declared|0100233488", "population|027088004321");
        assertThat(response.data().at("/enterprise/name").asText()).isEqualTo("CÔNG TY TNHH THƯƠNG MẠI KINH BẮC");
        assertThat(response.data().at("/enterprise/charterCapital").asLong()).isEqualTo(5_000_000_000L);
        assertThat(response.data().at("/enterprise/businessLines").toString())
                .isEqualTo("[{\"code\":\"4649\",\"name\":\"Bán buôn\",\"main\":true},{\"code\":\"4690\"}]");
        assertThat(response.data().at("/legalRepresentative/dateOfBirth").asText()).isEqualTo("1988-11-02");
        assertThat(response.fields().get("/enterprise/email").status()).isEqualTo(FieldStatus.EMPTY);
    }
}

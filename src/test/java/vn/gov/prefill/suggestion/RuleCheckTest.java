package vn.gov.prefill.suggestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.gov.prefill.binding.CodeLists;
import vn.gov.prefill.binding.Transforms;
import vn.gov.prefill.config.GatewayProperties;
import vn.gov.prefill.form.FormCatalog;
import vn.gov.prefill.source.SourceCatalog;

/** The shipped rules load; a rule naming an unknown source, form, pointer or operation stops the start, naming file and place. */
class RuleCheckTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final GatewayProperties PROPERTIES = new GatewayProperties();
    static final SourceCatalog SOURCES = new SourceCatalog(PROPERTIES, JSON);
    static final FormCatalog FORMS = new FormCatalog(PROPERTIES, JSON, SOURCES, new Transforms(new CodeLists(PROPERTIES, JSON)));

    @TempDir
    Path dir;

    @Test
    void theShippedRulesLoad() {
        assertThat(LifeEventRules.load(Path.of("rules"), JSON, SOURCES, FORMS)).extracting(LifeEventRule::lifeEvent)
                .contains("CHILD_HEALTH_INSURANCE", "ID_CARD_RENEWAL", "ENTERPRISE_REPRESENTATIVE_UPDATE", "FIRST_ID_CARD",
                        "HEALTH_INSURANCE_RENEWAL", "RESIDENCE_AFTER_MARRIAGE");
    }

    @Test
    void everyBrokenReferenceIsNamedWithItsFileAndPointer() throws IOException {
        Files.createDirectories(dir.resolve("life-events"));
        Files.copy(Path.of("rules/routes.json"), dir.resolve("routes.json"));
        Files.writeString(dir.resolve("life-events/BROKEN.json"), """
                {"lifeEvent": "BROKEN", "title": "t", "formId": "no-such-form",
                 "reads": {"card": {"source": "astrology"}, "me": {"source": "population"}},
                 "actingFor": null,
                 "condition": {"and": [{"moon_phase": [1]}, {"==": [{"var": "me.record.NoSuchField"}, 1]}]},
                 "reason": "{missing}", "values": {}, "evidence": []}
                """);
        String file = dir.resolve("life-events/BROKEN.json").toString();
        assertThatThrownBy(() -> LifeEventRules.load(dir, JSON, SOURCES, FORMS))
                .hasMessageContaining(file + ": /formId: unknown form 'no-such-form'")
                .hasMessageContaining(file + ": /reads/card/source: unknown source 'astrology'")
                .hasMessageContaining(file + ": /condition/and/0/moon_phase: unknown operation 'moon_phase'")
                .hasMessageContaining(file + ": /condition/and/1/==/0/var: 'me.record.NoSuchField': '/NoSuchField' is not in schemas/sources/population.schema.json")
                .hasMessageContaining(file + ": /reason: {missing} is not in /values");
    }

    @Test
    void anUnknownRouteAndAnActingForTheFormRefusesAreNamed() throws IOException {
        Files.createDirectories(dir.resolve("life-events"));
        Files.copy(Path.of("rules/routes.json"), dir.resolve("routes.json"));
        Files.writeString(dir.resolve("life-events/WRONG.json"), """
                {"lifeEvent": "WRONG", "title": "t", "formId": "child-health-insurance",
                 "subject": {"name": "child", "from": {"source": "civil-status", "route": "deaths"}, "each": "/ketQua", "id": "/x"},
                 "actingFor": "ENTERPRISE", "condition": true, "reason": "r", "evidence": []}
                """);
        String file = dir.resolve("life-events/WRONG.json").toString();
        assertThatThrownBy(() -> LifeEventRules.load(dir, JSON, SOURCES, FORMS))
                .hasMessageContaining(file + ": /subject/from/route: unknown route 'deaths' of civil-status")
                .hasMessageContaining(file + ": /actingFor: form child-health-insurance is filed for CHILD");
    }
}

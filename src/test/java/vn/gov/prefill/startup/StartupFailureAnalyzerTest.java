package vn.gov.prefill.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import vn.gov.prefill.config.StartupCheckException;

class StartupFailureAnalyzerTest {

    private final StartupFailureAnalyzer analyzer = new StartupFailureAnalyzer();

    @Test
    void aStartupCheckDeepInTheChainIsTheDescription() {
        Throwable failure = new BeanCreationException("formCatalog", "Constructor threw exception", new StartupCheckException(List.of(
                "schemas/forms/a.schema.json: /x-form/subjects/x/id/from: subjects depend on each other in a cycle",
                "schemas/forms/b.schema.json: /properties/p/x-prefill/path: '/Q' is not in schemas/sources/population.schema.json")));

        FailureAnalysis analysis = analyzer.analyze(failure);

        assertThat(analysis.getDescription()).isEqualTo(
                "schemas/forms/a.schema.json: /x-form/subjects/x/id/from: subjects depend on each other in a cycle\n"
                        + "schemas/forms/b.schema.json: /properties/p/x-prefill/path: '/Q' is not in schemas/sources/population.schema.json");
        assertThat(analysis.getAction()).isNotBlank();
        assertThat(analysis.getCause()).isSameAs(failure);
    }

    @Test
    void aRouteFileThatDoesNotParseIsNamedWithLineAndColumnFromOne() {
        LoadSettings settings = LoadSettings.builder().setLabel("file:routes/sources/x.yaml").build();
        MarkedYamlEngineException yaml = null;
        try {
            new Compose(settings).composeString("- route:\n    from: direct:x\n   steps: [\n");
        } catch (MarkedYamlEngineException e) {
            yaml = e;
        }
        assertThat(yaml).isNotNull();
        int line = yaml.getProblemMark().map(m -> m.getLine() + 1).orElseThrow();

        FailureAnalysis analysis = analyzer.analyze(new IllegalStateException("Failed to start bean", new RuntimeException(yaml)));

        assertThat(analysis.getDescription()).startsWith("routes/sources/x.yaml: line " + line + ", column ");
    }

    @Test
    void aCamelYamlErrorWithoutContextIsNamedToo() {
        org.snakeyaml.engine.v2.exceptions.Mark mark = new org.snakeyaml.engine.v2.exceptions.Mark(
                "file:routes/sources/population.yaml", 0, 15, 10, new int[0], 0);
        MarkedYamlEngineException unknown = new MarkedYamlEngineException(null, Optional.empty(), "Unknown node id: setBodyy",
                Optional.of(mark)) { };

        assertThat(analyzer.analyze(new RuntimeException(unknown)).getDescription())
                .isEqualTo("routes/sources/population.yaml: line 16, column 11: Unknown node id: setBodyy");
    }

    @Test
    void anyOtherFailureIsLeftToSpringBoot() {
        assertThat(analyzer.analyze(new IllegalStateException("something else", new RuntimeException("deeper")))).isNull();
        assertThat(Optional.ofNullable(analyzer.analyze(new RuntimeException()))).isEmpty();
    }
}

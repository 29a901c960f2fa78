package vn.gov.prefill.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Every startup check of docs/architecture.md, as a user meets it: the built jar started in a working copy of
 * routes/, schemas/ and mocks/ with one thing broken, read from its default (JSON) console. The
 * check's message, with the file and the JSON Pointer (or YAML line and column), is the last line,
 * and no stack of Spring frames comes before it.
 */
class StartupChecksIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CRIMINAL = "schemas/forms/criminal-record-request.schema.json";
    private static final String BIRTH = "schemas/forms/birth-registration.schema.json";

    @TempDir
    static Path root;

    /** One process per kind of breakage, all started at once: they fail in seconds, side by side. */
    private static final Map<String, LaunchedGateway> LAUNCHED = new ConcurrentHashMap<>();

    @BeforeAll
    static void startEveryBrokenGateway() throws IOException {
        // the binding checks report every problem of every form at once: one process holds them all
        Path forms = LaunchedGateway.workingCopy(Files.createDirectory(root.resolve("forms")));
        replace(forms.resolve(CRIMINAL),
                "/properties/applicant/properties/fullName/x-prefill/from", "populaton@self",
                "/properties/spouse/properties/fullName/x-prefill/0/from", "population@wife",
                "/properties/father/properties/fullName/x-prefill/0/transform", "fulName",
                "/properties/applicant/properties/ethnicity/x-prefill/transform", "codelist:ethnicities",
                "/properties/applicant/properties/dateOfBirth/x-prefill/path", "/NgaySinh");
        replace(forms.resolve(BIRTH),
                "/x-form/subjects/mother/id/from", "civil-status@father",
                "/x-form/subjects/father/id/from", "civil-status@mother");
        launch("forms", forms);

        launch("base-url", LaunchedGateway.workingCopy(Files.createDirectory(root.resolve("base-url"))),
                "--gateway.sources.business.base-url=");

        Path missing = LaunchedGateway.workingCopy(Files.createDirectory(root.resolve("missing-route")));
        Files.delete(missing.resolve("routes/sources/population.yaml"));
        launch("missing-route", missing);

        Path step = LaunchedGateway.workingCopy(Files.createDirectory(root.resolve("unknown-step")));
        // population.yaml instantiates a template (routes/templates/soap.yaml): a route written by hand after it, lines 21-26
        Path population = step.resolve("routes/sources/population.yaml");
        edit(population, "CongdanCollection/CongDan\n", "CongdanCollection/CongDan\n- route:\n    from:\n      uri: direct:population-by-hand\n"
                + "      steps:\n        - setBodyy:\n            constant: x\n");
        launch("unknown-step", step);

        Path indent = LaunchedGateway.workingCopy(Files.createDirectory(root.resolve("bad-yaml")));
        // line 17 of the file (the births route): "- route: from: x" is not YAML
        edit(indent.resolve("routes/sources/civil-status.yaml"), "- route:\n", "- route: from: x\n");
        launch("bad-yaml", indent);

        // the mocks off and every other key set: only the token secret is missing
        launch("token-secret", LaunchedGateway.workingCopy(Files.createDirectory(root.resolve("token-secret"))),
                "--gateway.mocks.enabled=false", "--gateway.mocks.url=http://127.0.0.1:9",
                "--gateway.security.issuer=https://portal.example.gov.vn", "--gateway.security.person-key=" + ExternalSystems.randomKey(),
                "--gateway.ndxp.client-secret=" + ExternalSystems.NDXP_CLIENT_SECRET,
                "--gateway.sources.insurance.api-key=" + ExternalSystems.INSURANCE_API_KEY,
                "--gateway.sources.dossiers.api-key=" + ExternalSystems.DOSSIERS_API_KEY,
                "--gateway.handling.callback-secret=" + ExternalSystems.HANDLING_CALLBACK_SECRET,
                "--gateway.profile.encryption-key=" + ExternalSystems.PROFILE_KEY,
                "--spring.datasource.password=" + ExternalSystems.randomKey(),
                "--spring.datasource.url=jdbc:h2:mem:token-secret;MODE=PostgreSQL;DB_CLOSE_DELAY=-1");

        // the mocks off and nothing else: the shipped configuration is a demo's, and every key it lacks is named
        launch("demo-defaults", LaunchedGateway.workingCopy(Files.createDirectory(root.resolve("demo-defaults"))),
                "--gateway.mocks.enabled=false", "--gateway.mocks.url=http://127.0.0.1:9");

        Path rule = LaunchedGateway.workingCopy(Files.createDirectory(root.resolve("rule")));
        edit(rule.resolve("rules/life-events/ID_CARD_RENEWAL.json"), "{\"source\": \"population\"}", "{\"source\": \"populaton\"}");
        launch("rule", rule);

        Path units = LaunchedGateway.workingCopy(Files.createDirectory(root.resolve("units")));
        edit(units.resolve("schemas/codelists/units-2025-communes.json"), "\"06100\": \"06112\"", "\"06100\": \"99999\"");
        launch("units", units);
    }

    @AfterAll
    static void stopWhatIsLeft() {
        LAUNCHED.values().forEach(LaunchedGateway::close);
    }

    @Test
    void aBindingToAnUnknownSource() {
        assertLastLineSays("forms", CRIMINAL + ": /properties/applicant/properties/fullName/x-prefill/from: unknown source 'populaton'");
    }

    @Test
    void aBindingToAnUnknownSubject() {
        assertLastLineSays("forms", CRIMINAL + ": /properties/spouse/properties/fullName/x-prefill/0/from: unknown subject 'wife'");
    }

    @Test
    void aBindingToAnUnknownTransform() {
        assertLastLineSays("forms", CRIMINAL + ": /properties/father/properties/fullName/x-prefill/0/transform: unknown transform 'fulName'");
    }

    @Test
    void aCodeListThatDoesNotExist() {
        assertLastLineSays("forms",
                CRIMINAL + ": /properties/applicant/properties/ethnicity/x-prefill/transform: codelist:ethnicities names no code list");
    }

    @Test
    void aPathAbsentFromTheSourceSchema() {
        assertLastLineSays("forms", CRIMINAL + ": /properties/applicant/properties/dateOfBirth/x-prefill/path: "
                + "'/NgaySinh' is not in schemas/sources/population.schema.json");
    }

    @Test
    void subjectsInACycle() {
        assertLastLineSays("forms", BIRTH + ": /x-form/subjects/", "/id/from: subjects depend on each other in a cycle");
    }

    @Test
    void aSourceWithoutBaseUrl() {
        assertLastLineSays("base-url", "schemas/sources/business.schema.json: source 'business' has no gateway.sources.business.base-url");
    }

    @Test
    void aSourceSchemaWhoseRouteNoYamlProvides() {
        assertLastLineSays("missing-route",
                "schemas/sources/population.schema.json: /x-source/route: no route in routes/ consumes 'direct:source-population'");
    }

    @Test
    void aYamlRouteWithAnUnknownStepIsNamedWithLineAndColumn() {
        assertLastLineSays("unknown-step", "routes/sources/population.yaml: line 25, column 11: ", "setBodyy");
    }

    @Test
    void aYamlRouteThatDoesNotParseIsNamedWithLineAndColumn() {
        assertLastLineSays("bad-yaml", "routes/sources/civil-status.yaml: line 17, column ", "mapping values are not allowed here");
    }

    @Test
    void noTokenSecretWithTheMocksOff() {
        assertLastLineSays("token-secret", "gateway.prefill.token-secret is required when gateway.mocks.enabled is false");
    }

    @Test
    void theShippedDemoConfigurationWithTheMocksOffNamesEveryKeyItLacks() {
        assertLastLineSays("demo-defaults", "gateway.prefill.token-secret is required", "gateway.security.person-key is required",
                "gateway.security.issuer is required", "spring.datasource.password is required",
                "gateway.ndxp.client-secret is a demo value", "gateway.sources.insurance.api-key is a demo value",
                "gateway.sources.dossiers.api-key is a demo value", "gateway.handling.callback-secret is a demo value",
                "gateway.profile.encryption-key is a demo value");
    }

    @Test
    void demoModeSaysSoInAWarningAtStartAndProductionDoesNot() {
        assertThat(LAUNCHED.get("rule").awaitExit(Duration.ofSeconds(180))).isNotZero();
        assertThat(LAUNCHED.get("rule").output().lines().filter(l -> l.startsWith("{")).map(StartupChecksIT::parse)
                .filter(l -> l.path("level").asText().equals("WARN") && l.path("message").asText().startsWith("DEMO MODE")))
                .as("a WARN of demo mode with the mocks on").hasSize(1);
        assertThat(LAUNCHED.get("token-secret").awaitExit(Duration.ofSeconds(180))).isNotZero();
        assertThat(LAUNCHED.get("token-secret").output()).doesNotContain("DEMO MODE");
    }

    @Test
    void aLifeEventRuleNamingAnUnknownSource() {
        assertLastLineSays("rule", "rules/life-events/ID_CARD_RENEWAL.json: /reads/me/source: unknown source 'populaton'");
    }

    @Test
    void aUnitsMappingPointingAtNoCommuneOf2025() {
        assertLastLineSays("units", "units-2025-communes.json: /codes/06100: '99999' is not in communes-2025");
    }

    /** The process failed at start; its last console line is the check's message, with no Spring stack before it. */
    private static void assertLastLineSays(String launch, String... parts) {
        LaunchedGateway gateway = LAUNCHED.get(launch);
        int code = gateway.awaitExit(Duration.ofSeconds(180));
        String output = gateway.output();
        assertThat(code).as("exit code; output:\n%s", output).isNotZero();
        List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
        JsonNode last = parse(lines.get(lines.size() - 1));
        assertThat(last.path("level").asText()).as("last line: %s", last).isEqualTo("ERROR");
        String message = last.path("message").asText();
        for (String part : parts) {
            assertThat(message).as("last line of the console:\n%s", output).contains(part);
        }
        for (String line : lines) {
            JsonNode json = parse(line);
            assertThat(json.has("error")).as("a stack before the check's message: %s", line).isFalse();
            assertThat(line).doesNotContain("at org.springframework.");
        }
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not a JSON log line: " + line, e);
        }
    }

    private static void launch(String name, Path dir, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--server.port=0";
        all[1] = "--gateway.mocks.port=0";
        System.arraycopy(args, 0, all, 2, args.length);
        LAUNCHED.put(name, LaunchedGateway.start(dir, all));
    }

    /** Sets string values at JSON Pointers of a form in the working copy. */
    private static void replace(Path file, String... pointersAndValues) throws IOException {
        JsonNode schema = JSON.readTree(file.toFile());
        for (int i = 0; i < pointersAndValues.length; i += 2) {
            String pointer = pointersAndValues[i];
            int slash = pointer.lastIndexOf('/');
            JsonNode parent = schema.at(pointer.substring(0, slash));
            String field = pointer.substring(slash + 1);
            assertThat(parent.isObject() && parent.has(field)).as("the replacement must apply at " + pointer).isTrue();
            ((ObjectNode) parent).put(field, pointersAndValues[i + 1]);
        }
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(schema));
    }

    /** Replaces the first occurrence of {@code from}, which must be there, by {@code to}. */
    private static void edit(Path file, String from, String to) {
        try {
            String text = Files.readString(file);
            int at = text.indexOf(from);
            assertThat(at).as("%s holds %s", file, from).isNotNegative();
            Files.writeString(file, text.substring(0, at) + to + text.substring(at + from.length()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

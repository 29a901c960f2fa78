package vn.gov.prefill.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import vn.gov.prefill.config.ProductionSecrets;

/**
 * deploy/kubernetes checked without a cluster: each document against a vendored minimal schema of its
 * kind (src/test/resources/kubernetes: the fields this project uses, unknown fields refused, so a typo
 * fails), then against each other: the selectors, the probes on the management port, the secret's keys.
 */
class KubernetesManifestsTest {

    static final Path MANIFESTS = Path.of("deploy/kubernetes");
    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    static final Map<String, JsonNode> BY_KIND = new HashMap<>();
    static final List<String> FILES = new ArrayList<>();

    @BeforeAll
    static void read() throws IOException {
        try (Stream<Path> files = Files.list(MANIFESTS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (Object doc : new Yaml().loadAll(Files.readString(file))) {
                    JsonNode node = JSON.valueToTree(doc);
                    FILES.add(file.getFileName().toString());
                    assertThat(BY_KIND.put(node.path("kind").asText(), node)).as("one %s", node.path("kind")).isNull();
                }
            }
        }
    }

    @Test
    void everyManifestIsValidForItsKind() throws IOException {
        assertThat(BY_KIND.keySet()).containsExactlyInAnyOrder("Deployment", "Service", "PodDisruptionBudget",
                "HorizontalPodAutoscaler", "Secret");
        for (JsonNode doc : BY_KIND.values()) {
            String name = doc.path("apiVersion").asText().replace('/', '-') + "-" + doc.path("kind").asText() + ".schema.json";
            try (InputStream schema = getClass().getResourceAsStream("/kubernetes/" + name)) {
                assertThat(schema).as("a schema for %s", name).isNotNull();
                Set<ValidationMessage> errors = SCHEMAS.getSchema(schema).validate(doc);
                assertThat(errors).as("%s %s", doc.path("kind").asText(), errors).isEmpty();
            }
        }
    }

    @Test
    void aTypoInAManifestIsRefused() throws IOException {
        JsonNode deployment = BY_KIND.get("Deployment").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) deployment.at("/spec/template/spec/containers/0"))
                .set("readinesProbe", deployment.at("/spec/template/spec/containers/0/readinessProbe"));
        try (InputStream schema = getClass().getResourceAsStream("/kubernetes/apps-v1-Deployment.schema.json")) {
            JsonSchema deployments = SCHEMAS.getSchema(schema);
            assertThat(deployments.validate(deployment)).isNotEmpty();
        }
    }

    @Test
    void theServiceTheBudgetAndTheAutoscalerAllTargetTheDeployment() {
        JsonNode deployment = BY_KIND.get("Deployment");
        JsonNode labels = deployment.at("/spec/template/metadata/labels");
        assertThat(deployment.at("/spec/selector/matchLabels")).isEqualTo(labels);
        assertThat(BY_KIND.get("Service").at("/spec/selector")).isEqualTo(labels);
        assertThat(BY_KIND.get("PodDisruptionBudget").at("/spec/selector/matchLabels")).isEqualTo(labels);
        JsonNode hpa = BY_KIND.get("HorizontalPodAutoscaler");
        assertThat(hpa.at("/spec/scaleTargetRef/name").asText()).isEqualTo(deployment.at("/metadata/name").asText());
        assertThat(hpa.at("/spec/minReplicas").asInt()).as("a budget of one needs two nodes")
                .isGreaterThan(BY_KIND.get("PodDisruptionBudget").at("/spec/minAvailable").asInt());
    }

    @Test
    void probesAskTheManagementPortWhichTheServiceDoesNotExpose() {
        JsonNode container = BY_KIND.get("Deployment").at("/spec/template/spec/containers/0");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/actuator/health/readiness");
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/actuator/health/liveness");
        assertThat(container.at("/readinessProbe/httpGet/port").asText()).isEqualTo("management");
        assertThat(container.at("/livenessProbe/httpGet/port").asText()).isEqualTo("management");
        assertThat(container.get("args").toString()).contains("--management.server.port=8081");
        assertThat(BY_KIND.get("Service").get("spec").get("ports").findValuesAsText("targetPort")).containsExactly("api");
    }

    @Test
    void everySecretTheNodesReadIsInTheSecretAndNoSecretIsInTheDeployment() {
        JsonNode container = BY_KIND.get("Deployment").at("/spec/template/spec/containers/0");
        JsonNode secret = BY_KIND.get("Secret");
        Map<String, String> fromSecret = new HashMap<>();
        container.get("env").forEach(e -> {
            JsonNode ref = e.at("/valueFrom/secretKeyRef");
            if (!ref.isMissingNode()) {
                assertThat(ref.get("name").asText()).isEqualTo(secret.at("/metadata/name").asText());
                fromSecret.put(e.get("name").asText(), ref.get("key").asText());
            }
        });
        assertThat(secret.get("stringData").fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(fromSecret.values());
        // every secret the gateway refuses to start without, under the environment file's variable names
        Map<String, String> variables = DeployEnvironment.variables();
        for (String key : secretKeys()) {
            assertThat(variables).as("deploy/systemd/prefill-gateway.env names %s", key).containsKey(key);
            if (!ProductionSecrets.PUBLIC.contains(key)) { // required, but public: a value of the Deployment
                assertThat(fromSecret).as("the Deployment reads %s from the Secret", key).containsKey(variables.get(key));
            }
        }
        assertThat(fromSecret).containsKey("GATEWAY_AUDIT_CHECKPOINT_KEY");
        assertThat(container.get("env").findValuesAsText("value")).noneMatch(v -> v.toLowerCase().contains("secret"));
        secret.get("stringData").forEach(v -> assertThat(v.asText()).as("a placeholder the gateway refuses").startsWith("REPLACE"));
    }

    @Test
    void theDeploymentSetsEveryVariableOfTheNodesEnvironmentFile() {
        JsonNode container = BY_KIND.get("Deployment").at("/spec/template/spec/containers/0");
        assertThat(container.get("env").findValuesAsText("name")).containsAll(DeployEnvironment.variables().values());
    }

    @Test
    void theManagementPortListensOnThePodsAddressForTheKubeletsProbes() {
        JsonNode container = BY_KIND.get("Deployment").at("/spec/template/spec/containers/0");
        assertThat(container.get("args").toString()).contains("--management.server.address=0.0.0.0");
    }

    /** The secrets of ProductionSecrets, and the API key of every registry application.yml gives one. */
    static List<String> secretKeys() {
        List<String> keys = new ArrayList<>(ProductionSecrets.REQUIRED.keySet());
        try (InputStream yml = Files.newInputStream(Path.of("src/main/resources/application.yml"))) {
            JsonNode config = JSON.valueToTree(new Yaml().load(yml));
            config.at("/gateway/sources").fields().forEachRemaining(source -> {
                if (source.getValue().has("api-key")) {
                    keys.add("gateway.sources." + source.getKey() + ".api-key");
                }
            });
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(keys).contains("gateway.sources.insurance.api-key", "gateway.sources.dossiers.api-key");
        return keys;
    }
}

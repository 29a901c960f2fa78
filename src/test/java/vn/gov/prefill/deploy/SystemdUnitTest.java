package vn.gov.prefill.deploy;

import vn.gov.prefill.RequiredTool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/systemd/prefill-gateway.service read as systemd reads it, and checked by systemd's own
 * {@code systemd-analyze verify} (it works offline, without a running systemd; .ci/run installs it).
 * ClusterBehindNginxIT runs a node from the unit.
 */
class SystemdUnitTest {

    @TempDir
    Path dir;

    @Test
    void theGatewayUnitRunsTheJarWithThePostgresProfileAndAcceptsTheJvmsSigtermExit() {
        SystemdUnit unit = SystemdUnit.read(SystemdUnit.GATEWAY);
        Map<String, String> environment = SystemdUnit.parse(withoutEnvironmentFile()).environment();
        List<String> command = unit.command(environment);

        assertThat(command.get(0)).isEqualTo("/usr/bin/java");
        assertThat(command).containsSequence("-jar", "/opt/prefill-gateway/prefill-gateway.jar")
                .contains("--spring.profiles.active=postgres", "--gateway.mocks.enabled=false",
                        "--management.server.port=8081", "--server.shutdown=graceful", "--gateway.rate-limits.store=database",
                        "--gateway.audit.checkpoint.directory=/var/lib/prefill-gateway/checkpoints");
        assertThat(command).noneMatch(word -> word.contains("$") || word.contains("\\") || word.isBlank());
        assertThat(unit.value("WorkingDirectory")).isEqualTo("/opt/prefill-gateway");
        assertThat(unit.value("EnvironmentFile")).isEqualTo("/etc/prefill-gateway/env");
        // a JVM ended by SIGTERM exits with 128 + 15 after its shutdown hooks
        assertThat(unit.successExitStatuses()).contains(0, 143);
        assertThat(unit.value("RestartPreventExitStatus")).isEqualTo("1");
    }

    @Test
    void theManagementPortListensOnLoopbackUnlessTheEnvironmentFileOpensIt() {
        SystemdUnit unit = SystemdUnit.read(SystemdUnit.GATEWAY);
        Map<String, String> environment = SystemdUnit.parse(withoutEnvironmentFile()).environment();
        assertThat(unit.command(environment)).contains("--management.server.address=127.0.0.1");

        Map<String, String> opened = new java.util.HashMap<>(environment);
        opened.put("MANAGEMENT_ADDRESS", "10.20.0.11");
        assertThat(unit.command(opened)).contains("--management.server.address=10.20.0.11");
    }

    @Test
    void theNodesEnvironmentFileNamesEverySecretTheGatewayRequiresAndShipsNoneOfThem() {
        Map<String, String> variables = DeployEnvironment.variables();
        Map<String, String> shipped = DeployEnvironment.values();

        for (String key : KubernetesManifestsTest.secretKeys()) {
            assertThat(variables).as("%s names %s", DeployEnvironment.FILE, key).containsKey(key);
            assertThat(shipped.get(variables.get(key))).as("%s ships a placeholder the gateway refuses", key).startsWith("REPLACE");
        }
        assertThat(variables).containsKeys("spring.datasource.url", "spring.datasource.username", "gateway.audit.checkpoint.key",
                "gateway.audit.node-id", "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", "gateway.ndxp.token-url",
                "gateway.sources.population.base-url", "gateway.sources.civil-status.base-url");
        assertThat(variables.values()).doesNotHaveDuplicates().allMatch(v -> v.matches("[A-Z][A-Z0-9_]*"));
    }

    @Test
    void theEnvironmentFileOverridesEnvironmentAndFeedsTheCommandsVariables() throws IOException {
        Path env = EnvironmentFile.write(dir.resolve("env"), Map.of("MANAGEMENT_PORT", "28081", "AUDIT_DB_URL", "jdbc:postgresql://db:5432/prefill"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(env))).isEqualTo("rw-------");
        SystemdUnit unit = SystemdUnit.read(SystemdUnit.GATEWAY).relocated(Map.of("/etc/prefill-gateway/env", env));

        Map<String, String> environment = unit.environment();
        assertThat(environment).containsEntry("MANAGEMENT_PORT", "28081").containsEntry("AUDIT_DB_URL", "jdbc:postgresql://db:5432/prefill")
                .containsEntry("PATH", SystemdUnit.SERVICE_PATH);
        assertThat(unit.command(environment)).contains("--management.server.port=28081").doesNotContain("--management.server.port=8081");
    }

    @Test
    void relocatingMovesWholePathsAndFailsOnAPathTheUnitDoesNotName() {
        SystemdUnit unit = SystemdUnit.read(SystemdUnit.GATEWAY);
        SystemdUnit moved = unit.relocated(Map.of("/opt/prefill-gateway/prefill-gateway.jar", dir.resolve("g.jar"),
                "/opt/prefill-gateway", dir, "/var/lib/prefill-gateway/checkpoints", dir.resolve("cp")));
        List<String> command = moved.command(Map.of("MANAGEMENT_PORT", "1"));

        assertThat(command).containsSequence("-jar", dir.resolve("g.jar").toString())
                .contains("--gateway.audit.checkpoint.directory=" + dir.resolve("cp"));
        assertThat(moved.value("WorkingDirectory")).isEqualTo(dir.toString());
        assertThat(command.subList(0, 4)).isEqualTo(unit.command(Map.of()).subList(0, 4));
        assertThatThrownBy(() -> unit.relocated(Map.of("/srv/gateway.jar", dir))).hasMessageContaining("/srv/gateway.jar");
    }

    @Test
    void continuationsCommentsQuotesAndExpansionFollowSystemd() {
        SystemdUnit unit = SystemdUnit.parse("""
                [Unit]
                ExecStart=/bin/false
                [Service]
                Environment="GREETING=xin chào" EMPTY=
                Environment="FLAGS=-a -b"
                ExecStart=/bin/echo one \\
                # a comment inside a continuation is skipped
                    "two three" 'four' ${GREETING} $FLAGS $UNSET ${UNSET}x $$HOME 100%%
                SuccessExitStatus=143 SIGTERM
                """);
        List<String> command = unit.command(unit.environment());

        assertThat(command).containsExactly("/bin/echo", "one", "two three", "four", "xin chào", "-a", "-b", "x", "$HOME", "100%");
        assertThat(unit.successExitStatuses()).containsExactly(0, 143);
        assertThat(unit.values("ExecStart")).hasSize(1);
    }

    @Test
    void anEmptyAssignmentResetsAListAndWhatIsNotSupportedIsRefused() {
        assertThat(SystemdUnit.parse("[Service]\nEnvironment=A=1\nEnvironment=\nEnvironment=B=2\n").environment())
                .doesNotContainKey("A").containsEntry("B", "2");
        assertThatThrownBy(() -> SystemdUnit.parse("[Service]\nExecStart=-/bin/true\n").command(Map.of()))
                .hasMessageContaining("prefixed");
        assertThatThrownBy(() -> SystemdUnit.parse("[Service]\nExecStart=/bin/true ; /bin/false\n").command(Map.of()))
                .hasMessageContaining("compound");
        assertThatThrownBy(() -> SystemdUnit.parse("[Service]\nExecStart=/bin/echo %h\n").command(Map.of()))
                .hasMessageContaining("specifiers");
        assertThatThrownBy(() -> EnvironmentFile.write(dir.resolve("e"), Map.of("A", "two words")))
                .hasMessageContaining("A:");
    }

    @Test
    void anEnvironmentFileIsReadAsSystemdReadsIt() {
        assertThat(EnvironmentFile.parse("# secrets\n; also a comment\n\nA=1\n  B = \"x y\"\nC='z'\nD=a=b\n"))
                .containsExactly(Map.entry("A", "1"), Map.entry("B", "x y"), Map.entry("C", "z"), Map.entry("D", "a=b"));
        assertThatThrownBy(() -> EnvironmentFile.parse("A=1\nsecret\n")).hasMessage("line 2 is not an assignment");
    }

    @Test
    void systemdAnalyzeVerifiesTheUnitWithoutWarnings() throws Exception {
        String analyze = systemdAnalyze();
        SystemdUnit unit = SystemdUnit.read(SystemdUnit.GATEWAY);
        Assumptions.assumeTrue(Files.isExecutable(Path.of(unit.command(Map.of()).get(0))), "the unit's java is not installed here");

        assertThat(verify(analyze, SystemdUnit.GATEWAY)).isEmpty();
        // the same check on a unit with a misspelt key and a bad exit status: it does see them
        Path broken = dir.resolve("prefill-gateway.service");
        Files.writeString(broken, Files.readString(SystemdUnit.GATEWAY)
                .replace("SuccessExitStatus=143", "SuccessExitStatus=SIGTERMINATE\nRestartSecs=5"));
        assertThat(verify(analyze, broken)).contains("RestartSecs").contains("SIGTERMINATE");
    }

    private static String withoutEnvironmentFile() {
        try {
            return Files.readString(SystemdUnit.GATEWAY).replace("EnvironmentFile=/", "EnvironmentFile=-/nonexistent/");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Skipped without systemd-analyze, except with CI=true (.ci/run installs it), where it fails. */
    private static String systemdAnalyze() {
        return RequiredTool.find("systemd-analyze", "the Debian package systemd");
    }

    /** What systemd-analyze verify says of the unit (its warnings and errors); fails on a non-zero exit only for an unbroken unit. */
    private static String verify(String analyze, Path unit) throws Exception {
        List<String> command = new ArrayList<>(List.of(analyze, "verify", "--man=no", unit.toAbsolutePath().toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        int code = process.waitFor();
        assertThat(code == 0 || !output.isEmpty()).as("systemd-analyze verify exited %d in silence", code).isTrue();
        return code == 0 ? output : output + "\n(exit " + code + ")";
    }
}

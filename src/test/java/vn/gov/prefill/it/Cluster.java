package vn.gov.prefill.it;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import vn.gov.prefill.RequiredTool;
import vn.gov.prefill.deploy.DeployEnvironment;
import vn.gov.prefill.deploy.EnvironmentFile;
import vn.gov.prefill.deploy.SystemdUnit;

/**
 * Several gateways as a province runs them: the built jar, each node its own process with the mocks
 * off, all on one PostgreSQL schema ({@code AUDIT_DB_URL}, the {@code postgres} profile), one shared
 * token secret and checkpoint key, and one server playing the national systems and the identity
 * provider. Without {@code AUDIT_DB_URL} the tests are skipped, except with {@code CI=true}, where they fail.
 */
final class Cluster implements AutoCloseable {

    static final String URL = System.getenv("AUDIT_DB_URL");
    static final String USER = env("AUDIT_DB_USER", "prefill");
    static final String PASSWORD = env("AUDIT_DB_PASSWORD", "prefill");
    static final String ISSUER = "https://portal.example.gov.vn";
    static final String HOA = "027190001234";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final Duration START = Duration.ofSeconds(120);
    /** What the cluster's nodes are given that a province's would not be: the test's own schema and loopback. */
    static final Set<String> TEST_ONLY = Set.of("spring.datasource.hikari.schema", "server.address");

    final Path root;
    final String schema;
    final String tokenSecret = ExternalSystems.randomKey();
    final String checkpointKey = ExternalSystems.randomKey();
    final String personKey = ExternalSystems.randomKey();
    final Path checkpoints;
    private final WireMockServer systems;
    private final RSAKey idp;
    private final List<LaunchedGateway> nodes = new ArrayList<>();

    static void requirePostgres() {
        if (URL == null || URL.isBlank()) {
            RequiredTool.missing("AUDIT_DB_URL is not set: no PostgreSQL for the cluster tests",
                    ".ci/run starts PostgreSQL and sets AUDIT_DB_URL");
        }
        assertThat(URL).as("AUDIT_DB_URL").startsWith("jdbc:postgresql:");
    }

    Cluster(Path root) {
        this.root = root;
        this.schema = "cluster_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        this.checkpoints = root.resolve("checkpoints");
        sql(URL, "CREATE SCHEMA " + schema);
        try {
            idp = new RSAKeyGenerator(2048).keyID("portal-cluster").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        systems = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                .usingFilesUnderDirectory(ExternalSystems.mocks(root.resolve("national-systems")).toString())
                .notifier(new Slf4jNotifier(false)));
        systems.start();
        systems.stubFor(get("/portal/jwks").willReturn(okForContentType("application/json", new JWKSet(idp.toPublicJWK()).toString())));
    }

    /** The server playing the national systems: its stubs and its journal. */
    WireMockServer systems() {
        return systems;
    }

    /** The arguments of a node on this cluster's database and systems, with {@code extra} after them. */
    List<String> arguments(String node, String databaseUrl, String... extra) {
        String url = systems.baseUrl();
        List<String> args = new ArrayList<>(List.of(
                "--server.address=127.0.0.1",
                "--gateway.mocks.enabled=false",
                "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=" + USER,
                "--spring.datasource.password=" + PASSWORD,
                "--spring.datasource.hikari.schema=" + schema,
                "--gateway.prefill.token-secret=" + tokenSecret,
                "--gateway.rate-limits.store=database",
                "--gateway.audit.node-id=" + node,
                "--gateway.audit.checkpoint.directory=" + checkpoints,
                "--gateway.audit.checkpoint.key=" + checkpointKey,
                "--gateway.security.person-key=" + personKey,
                "--gateway.security.issuer=" + ISSUER));
        args.addAll(ExternalSystems.at(url));
        for (String e : extra) {
            String key = e.substring(0, e.indexOf('=') + 1);
            args.removeIf(a -> a.startsWith(key));
            args.add(e);
        }
        return args;
    }

    /** Starts a node on free loopback ports and waits until it serves. */
    LaunchedGateway start(String node, String... extra) {
        return startOn(URL, node, extra);
    }

    /** Starts a node on the database at {@code databaseUrl} (this cluster's schema in it). */
    LaunchedGateway startOn(String databaseUrl, String node, String... extra) {
        LaunchedGateway gateway = LaunchedGateway.startOnFreePorts(nodeDirectory(node),
                arguments(node, databaseUrl, extra).toArray(String[]::new));
        nodes.add(gateway);
        return gateway;
    }

    /**
     * Starts a node as systemd would from deploy/systemd/prefill-gateway.service: its ExecStart= (JVM
     * flags and arguments as written) in its WorkingDirectory=, with only the environment of its
     * Environment= and EnvironmentFile=. Moved to this node: the jar, the working directory, the
     * environment file and the checkpoint directory. Everything else the node needs (secrets, the
     * database, ports, the external systems) is in the environment file, under the names
     * deploy/systemd/prefill-gateway.env gives them: a key the cluster needs that the file does not
     * name fails the test. Only {@link #TEST_ONLY} keys and the test's {@code extra} tuning go by
     * Spring Boot's rule. What the unit's command line sets, it decides.
     */
    LaunchedGateway startFromUnit(String node, String... extra) {
        Path dir = nodeDirectory(node);
        SystemdUnit unit = SystemdUnit.read(SystemdUnit.GATEWAY).relocated(Map.of(
                "/opt/prefill-gateway/prefill-gateway.jar", LaunchedGateway.JAR,
                "/opt/prefill-gateway", dir,
                "/etc/prefill-gateway/env", dir.resolve("env"),
                "/var/lib/prefill-gateway/checkpoints", checkpoints));
        List<String> set = unit.command(Map.of()).stream().filter(w -> w.startsWith("--") && w.contains("="))
                .map(w -> w.substring(2, w.indexOf('='))).toList();
        int port = LaunchedGateway.freePort();
        int managementPort = LaunchedGateway.freePort();
        Map<String, String> names = DeployEnvironment.variables();
        Set<String> tuning = new HashSet<>();
        for (String e : extra) {
            tuning.add(e.substring(2, e.indexOf('=')));
        }
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("SERVER_PORT", String.valueOf(port));
        variables.put("MANAGEMENT_PORT", String.valueOf(managementPort));
        for (String argument : arguments(node, URL, extra)) {
            String key = argument.substring(2, argument.indexOf('='));
            if (set.contains(key)) {
                continue;
            }
            String variable = names.get(key);
            if (variable == null) {
                assertThat(TEST_ONLY.contains(key) || tuning.contains(key))
                        .as("%s names no variable for %s, which a node needs", DeployEnvironment.FILE, key).isTrue();
                variable = key.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
            }
            variables.put(variable, argument.substring(argument.indexOf('=') + 1));
        }
        EnvironmentFile.write(dir.resolve("env"), variables);
        Map<String, String> environment = unit.environment();
        LaunchedGateway gateway = LaunchedGateway.startService(unit.command(environment), Path.of(unit.value("WorkingDirectory")),
                environment, port, managementPort);
        nodes.add(gateway);
        return gateway;
    }

    private Path nodeDirectory(String node) {
        Path dir = root.resolve(node + "-" + nodes.size());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return LaunchedGateway.workingCopy(dir);
    }

    /** The libpq URI of a JDBC URL, for pg_dump and pg_restore (the password goes in PGPASSWORD). */
    static String libpq(String jdbcUrl) {
        return "postgresql://" + USER + "@" + jdbcUrl.substring("jdbc:postgresql://".length());
    }

    /** Runs a script of deploy/ with PGPASSWORD set; returns its output, failing on a non-zero exit. */
    static String script(Path dir, String script, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", Path.of(script).toAbsolutePath().toString()));
        command.addAll(List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
            builder.environment().put("PGPASSWORD", PASSWORD);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes());
            assertThat(process.waitFor()).as("%s:\n%s", script, output).isZero();
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void awaitServing(LaunchedGateway... gateways) {
        for (LaunchedGateway g : gateways) {
            assertThat(g.awaitOutput("Started PrefillGatewayApplication", START)).as("the node started:\n%s", g.output()).isTrue();
        }
    }

    /** A citizen token of the portal, for this personal number. */
    String citizen(String personalNumber) {
        return sign(new JWTClaimsSet.Builder().claim("SoDinhDanh", personalNumber).claim("LoaiTaiKhoan", "1"));
    }

    String operator() {
        return sign(new JWTClaimsSet.Builder().claim("SoDinhDanh", "001080000900").claim("LoaiTaiKhoan", "1")
                .claim("roles", List.of("OPERATOR")));
    }

    private String sign(JWTClaimsSet.Builder claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("portal-cluster").build(),
                    claims.issuer(ISSUER).audience("province-gateway").subject("techid-" + UUID.randomUUID())
                            .claim("acr", "LoA2").expirationTime(new Date(System.currentTimeMillis() + 600_000)).build());
            jwt.sign(new RSASSASigner(idp));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    record Reply(int status, String text, HttpResponse<String> response) {
        JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + text, e);
            }
        }
    }

    static Reply send(int port, String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            return new Reply(-1, e.toString(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Reply prefill(int port, String token) {
        return send(port, "POST", "/api/v1/forms/residence-change/prefill", token, null);
    }

    /** The operators' view of the chain on this node (its actuator's port): from the last checkpoint, or all of it. */
    JsonNode chain(int port, boolean full) {
        Reply reply = send(port, "GET", "/actuator/auditchain" + (full ? "?full=true" : ""), operator(), null);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.json();
    }

    long count(String databaseUrl, String query) {
        try (Connection c = DriverManager.getConnection(databaseUrl, USER, PASSWORD); var s = c.createStatement()) {
            s.execute("SET search_path TO " + schema);
            var rs = s.executeQuery(query);
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void sql(String databaseUrl, String... statements) {
        try (Connection c = DriverManager.getConnection(databaseUrl, USER, PASSWORD); var s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        nodes.forEach(LaunchedGateway::close);
        systems.stop();
        sql(URL, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

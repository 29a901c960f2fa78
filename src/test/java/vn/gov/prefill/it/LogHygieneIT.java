package vn.gov.prefill.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs after every other test class (JUnit class order, see junit-platform.properties) and reads
 * every log line this run wrote: none may carry a persona's personal number, name or street, an
 * enterprise's code, or a token. Failures say which file, line and kind of datum, never the datum.
 * This run's lines only: the log file named by the build's start ({@code test.run}, which the pom sets,
 * see logback-test.xml) and the test reports' output files written since that start; an earlier run's
 * clean log cannot stand in for this one's.
 */
@Order(Integer.MAX_VALUE)
class LogHygieneIT {

    static final List<Path> REPORTS = List.of(Path.of("target/surefire-reports"), Path.of("target/failsafe-reports"));

    /** This run's log files: its own log and the reports' outputs written since it started. */
    static List<Path> thisRunsLogs() throws IOException {
        String run = System.getProperty("test.run");
        assertThat(run).as("test.run, the build's start, which the pom gives the test JVMs (run through mvn verify)").isNotBlank();
        Instant started = LocalDateTime.parse(run, DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")).toInstant(ZoneOffset.UTC);
        Path log = Path.of("target/test-logs/test-run-" + run + ".log");
        assertThat(log).as("this run's log file").isRegularFile();
        List<Path> out = new ArrayList<>(List.of(log));
        for (Path root : REPORTS) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(f -> f.toString().endsWith("-output.txt")).toList()) {
                    if (!Files.getLastModifiedTime(f).toInstant().isBefore(started)) {
                        out.add(f);
                    }
                }
            }
        }
        return out;
    }

    /** What must never be logged, each with a label that may be printed. */
    static Map<String, String> forbidden() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode p : new ObjectMapper().readTree(Path.of("mocks/personas.json").toFile())) {
            if (p.hasNonNull("citizenId")) {
                out.put(p.get("citizenId").asText(), "personal number of persona " + p.get("id").asText());
            }
            if (p.hasNonNull("fullName")) {
                out.put(p.get("fullName").asText(), "name of persona " + p.get("id").asText());
            }
            if (p.hasNonNull("enterpriseCode")) {
                out.put(p.get("enterpriseCode").asText(), "enterprise code of persona " + p.get("id").asText());
            }
        }
        // names, relatives' numbers and streets inside the registry fixtures
        Pattern datum = Pattern.compile("<dc:(HoVaTen|SoDinhDanh|ChiTiet|SoCMND)>([^<]{4,})</dc:\\1>"
                + "|\"(HoVaTen|SoGiayTo|SoNha|DiaChi|hoVaTen|soDinhDanh|hoTen)\"\\s*:\\s*\"([^\"]{5,})\"");
        try (Stream<Path> files = Files.walk(Path.of("mocks/__files"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Matcher m = datum.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    String value = m.group(2) != null ? m.group(2) : m.group(4);
                    out.putIfAbsent(value.strip(), (m.group(1) != null ? m.group(1) : m.group(3)) + " in " + f.getFileName());
                }
            }
        }
        // what citizens declared in the tests (DeclaredOnceIT), and the handling system's notes and results (the demo script)
        out.put(DeclaredOnceIT.PHONE, "a declared phone number");
        out.put(DeclaredOnceIT.EMAIL, "a declared e-mail address");
        out.put("Đã có kết quả", "a handling system's note");
        out.put("kho.demo.invalid/files", "a result document's address");
        out.put("mock-ndxp-access-token", "the NDXP access token");
        out.put("mock-ndxp-secret", "the NDXP client secret");
        return out;
    }

    static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}");
    static final Pattern BEARER = Pattern.compile("Bearer [A-Za-z0-9._-]{8,}");

    @Test
    void noLogLineOfTheRunCarriesPersonalDataOrTokens() throws IOException {
        Map<String, String> forbidden = forbidden();
        assertThat(forbidden).hasSizeGreaterThan(30);
        List<String> findings = new ArrayList<>();
        int lines = 0;
        boolean sawPrefill = false;
        boolean sawFailure = false;
        boolean sawDeclared = false;
        for (Path file : thisRunsLogs()) {
            List<String> content = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < content.size(); i++) {
                String line = content.get(i);
                lines++;
                sawPrefill |= line.contains("prefill form=criminal-record-request");
                sawFailure |= line.contains("source population failed: TIMEOUT");
                sawDeclared |= line.contains("declaredKept=2");
                for (var e : forbidden.entrySet()) {
                    if (line.contains(e.getKey())) {
                        findings.add(file + ":" + (i + 1) + " carries the " + e.getValue());
                    }
                }
                if (JWT.matcher(line).find()) {
                    findings.add(file + ":" + (i + 1) + " carries a JWT");
                }
                if (BEARER.matcher(line).find()) {
                    findings.add(file + ":" + (i + 1) + " carries a bearer credential");
                }
            }
        }
        assertThat(findings).as("log lines with personal data or tokens").isEmpty();
        // and the scan must have seen the whole run's logs, or a clean result proves nothing
        assertThat(lines).as("log lines scanned").isGreaterThan(200);
        assertThat(sawPrefill).as("the prefill log lines were captured").isTrue();
        assertThat(sawFailure).as("the source failure log lines were captured").isTrue();
        assertThat(sawDeclared).as("the filing that kept declared values was captured").isTrue();
    }
}

package vn.gov.prefill.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * every log line the run wrote: none may carry a persona's personal number, name or street, an
 * enterprise's code, or a token. Failures say which file, line and kind of datum, never the datum.
 */
@Order(Integer.MAX_VALUE)
class LogHygieneIT {

    static final List<Path> LOGS = List.of(Path.of("target/test-logs"), Path.of("target/surefire-reports"),
            Path.of("target/failsafe-reports"));

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
        for (Path root : LOGS) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".log") || f.toString().endsWith("-output.txt")).toList()) {
                    List<String> content = Files.readAllLines(file, StandardCharsets.UTF_8);
                    for (int i = 0; i < content.size(); i++) {
                        String line = content.get(i);
                        lines++;
                        sawPrefill |= line.contains("prefill form=criminal-record-request");
                        sawFailure |= line.contains("source population failed: TIMEOUT");
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
            }
        }
        // the scan must have seen the run's logs, or it proves nothing
        assertThat(lines).as("log lines scanned").isGreaterThan(200);
        assertThat(sawPrefill).as("the prefill log lines were captured").isTrue();
        assertThat(sawFailure).as("the source failure log lines were captured").isTrue();
        assertThat(findings).as("log lines with personal data or tokens").isEmpty();
    }
}

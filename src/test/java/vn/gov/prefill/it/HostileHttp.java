package vn.gov.prefill.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Shared by the hostile and fuzz tests: a raw HTTP/1.1 client for requests {@link java.net.http.HttpClient}
 * will not send (repeated or oversized headers, raw bytes in the request target), the personas of
 * {@code mocks/personas.json}, and the problem-document check.
 */
final class HostileHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HostileHttp() { }

    /** One persona of the mocks: the strings that are its personal data. */
    record Persona(String id, String citizenId, String enterpriseCode, String fullName, String accountType) {
        List<String> personalData() {
            List<String> out = new ArrayList<>();
            if (citizenId != null) {
                out.add(citizenId);
            }
            if (enterpriseCode != null) {
                out.add(enterpriseCode);
            }
            if (fullName != null) {
                out.add(fullName);
            }
            return out;
        }
    }

    static List<Persona> personas() {
        try {
            List<Persona> out = new ArrayList<>();
            for (JsonNode p : JSON.readTree(Path.of("mocks/personas.json").toFile())) {
                out.add(new Persona(p.get("id").asText(), text(p, "citizenId"), text(p, "enterpriseCode"), text(p, "fullName"),
                        text(p, "accountType")));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Per persona, the other personas it may see: whoever its registry records (the stubs' answers to a request that
     * names its number or enterprise code) name, and whoever's records name it: parents, spouse, children, the
     * enterprise it represents and that enterprise's other representatives. Read from {@code mocks/mappings} and
     * {@code mocks/__files}, so a persona added there is covered without a list to keep.
     */
    static Map<String, Set<String>> maySee(List<Persona> personas) {
        Map<String, StringBuilder> records = new LinkedHashMap<>();
        personas.forEach(p -> records.put(p.id(), new StringBuilder()));
        try (Stream<Path> files = Files.walk(Path.of("mocks/mappings"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                JsonNode root = JSON.readTree(file.toFile());
                for (JsonNode mapping : root.has("mappings") ? root.get("mappings") : List.of(root)) {
                    String request = mapping.path("request").toString();
                    String answer = answer(mapping.path("response"));
                    for (Persona p : personas) {
                        if (p.citizenId() != null && request.contains(p.citizenId())
                                || p.enterpriseCode() != null && request.contains(p.enterpriseCode())) {
                            records.get(p.id()).append(answer).append('\n');
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (Persona p : personas) {
            Set<String> seen = new TreeSet<>();
            for (Persona q : personas) {
                if (q != p && (names(records.get(p.id()), q) || names(records.get(q.id()), p))) {
                    seen.add(q.id());
                }
            }
            out.put(p.id(), Set.copyOf(seen));
        }
        return out;
    }

    private static boolean names(CharSequence records, Persona p) {
        String text = records.toString();
        return p.personalData().stream().anyMatch(text::contains);
    }

    private static String answer(JsonNode response) throws IOException {
        StringBuilder out = new StringBuilder(response.path("body").asText("")).append(response.path("jsonBody").toString());
        if (response.hasNonNull("bodyFileName")) {
            out.append(Files.readString(Path.of("mocks/__files").resolve(response.get("bodyFileName").asText())));
        }
        return out.toString();
    }

    private static String text(JsonNode p, String field) {
        return p.hasNonNull(field) ? p.get(field).asText() : null;
    }

    /** An answer read off the wire; header names in lower case. */
    record Raw(int status, Map<String, List<String>> headers, String body) {
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        String contentType() {
            String type = header("content-type");
            return type == null ? "" : type;
        }

        JsonNode json() {
            try {
                return body.isEmpty() ? null : JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (HTTP " + status + ", " + contentType() + "): "
                        + body.substring(0, Math.min(200, body.length())), e);
            }
        }
    }

    /**
     * Sends {@code method target HTTP/1.1} with exactly the given header lines (repeats allowed), plus
     * Host, Connection: close and, with a body, Content-Length; reads the whole answer.
     */
    static Raw send(int port, String method, String target, List<String[]> headers, byte[] body) {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        writeAscii(head, method + " ");
        head.writeBytes(target.getBytes(StandardCharsets.UTF_8));
        writeAscii(head, " HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n");
        for (String[] h : headers) {
            head.writeBytes((h[0] + ": " + h[1] + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        if (body != null) {
            writeAscii(head, "Content-Length: " + body.length + "\r\n");
        }
        writeAscii(head, "\r\n");
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.toByteArray());
                if (body != null) {
                    out.write(body);
                }
                out.flush();
            } catch (IOException e) {
                // the server may answer and close before reading everything (an oversized header): read its answer anyway
            }
            return parse(socket.getInputStream());
        } catch (IOException e) {
            throw new IllegalStateException("raw request failed: " + e, e);
        }
    }

    private static void writeAscii(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }

    private static Raw parse(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        int split = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
        if (split < 0) {
            throw new IOException("no complete HTTP answer (" + all.length + " bytes)");
        }
        String[] lines = new String(all, 0, split, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(all, split + 4, all.length);
        List<String> te = headers.get("transfer-encoding");
        if (te != null && te.get(0).equalsIgnoreCase("chunked")) {
            body = dechunk(body);
        }
        return new Raw(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int eol = indexOf(chunked, new byte[] {'\r', '\n'}, at);
            if (eol < 0) {
                break;
            }
            String sizeLine = new String(chunked, at, eol - at, StandardCharsets.US_ASCII);
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, eol + 2, Math.min(size, chunked.length - eol - 2));
            at = eol + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * An RFC 9457 problem of this status: {@code application/problem+json} with {@code type}, {@code title},
     * {@code status} equal to the HTTP status and {@code detail}; no stack trace and no token in it.
     */
    static void assertProblem(int status, String contentType, String rawBody, JsonNode body, int expected) {
        assertThat(status).as("HTTP status of " + abbreviate(rawBody)).isEqualTo(expected);
        assertThat(contentType).as("content type of a %d answer", status).startsWith("application/problem+json");
        assertThat(body).as("problem document").isNotNull();
        assertThat(body.path("type").asText()).as("type").isNotBlank();
        assertThat(body.path("title").asText()).as("title").isNotBlank();
        assertThat(body.path("status").isInt()).as("status is a number").isTrue();
        assertThat(body.path("status").asInt()).as("status").isEqualTo(status);
        assertThat(body.path("detail").isTextual()).as("detail is a string: " + body).isTrue();
        assertThat(rawBody).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("eyJ");
    }

    static String abbreviate(String s) {
        if (s == null) {
            return "<null>";
        }
        return s.length() <= 300 ? s : s.substring(0, 300) + "…(" + s.length() + " chars)";
    }
}

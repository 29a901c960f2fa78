package vn.gov.prefill.flow;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import vn.gov.prefill.binding.UnitsOf2025;
import vn.gov.prefill.config.SecretKeys;
import vn.gov.prefill.config.StartupCheckException;
import vn.gov.prefill.mapping.FieldStatus;


/**
 * The {@code prefillToken}: a short-lived HS256 token binding one prefill's values to the person and
 * the form. It carries, per prefilled field, a hash of the value (never the value) and whether it is
 * locked, so that a submission can tell kept, changed and tampered fields apart; and where it came
 * from (source and as of), which a filed dossier hands on as the field's provenance. For a form with
 * attachment slots, it also carries the documents each slot offered (type, number, link, hash), so a filing
 * can refer to one without the gateway reading the registry again.
 */
@Component
public class PrefillTokens {

    /**
     * What a verified token says. {@code completions} holds, for a field the citizen must complete (an
     * address whose commune the gateway could not choose), the hashes of the values that change nothing.
     */
    public record Prefilled(String person, String formId, String formVersion, int bound, Map<String, String> hashes,
                            Map<String, Boolean> locked, Map<String, List<String>> completions, java.time.Instant issuedAt,
                            Map<String, Origin> origins, Map<String, List<Offer>> attachments, Map<String, String> subjects) {

        /** Whether a submitted value with this hash keeps what was prefilled at {@code pointer}. */
        public boolean keeps(String pointer, String hash) {
            return hash.equals(hashes.get(pointer)) || completions.getOrDefault(pointer, List.of()).contains(hash);
        }
    }

    /** Where a prefilled value came from: its source and, when the source dates it, as of when. */
    public record Origin(String source, String asOf) { }

    /**
     * A document an attachment slot offered this person: its type ({@code MaKetQua}), number ({@code SoKyHieu}), link
     * ({@code DuongDan}, also its {@code documentRef}) and hash ({@code MaHash}): what {@code ThanhPhanHoSo} needs.
     */
    public record Offer(String type, String number, String ref, String hash) { }

    private static final JWSHeader HEADER = new JWSHeader(JWSAlgorithm.HS256);
    /** The JDK's encoder: Nimbus's own, written for constant time, costs more than the signature. */
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final byte[] secret;
    private final MACSigner signer;
    private final Duration lifetime;
    private final ObjectMapper json;
    private final Clock clock;

    /**
     * With no secret configured (the mocks on: {@code ProductionSecrets} requires one with the mocks
     * off) a random secret of this node: a token it mints is refused after a restart or on another node.
     */
    PrefillTokens(@Value("${gateway.prefill.token-secret:}") String configured,
                  @Value("${gateway.prefill.token-lifetime:30m}") Duration lifetime, ObjectMapper json, Clock clock) {
        this.clock = clock;
        if (configured == null || configured.isBlank()) {
            this.secret = new byte[32];
            new SecureRandom().nextBytes(secret);
        } else {
            this.secret = SecretKeys.decode("gateway.prefill.token-secret", configured);
        }
        this.lifetime = lifetime;
        this.json = json;
        try {
            this.signer = new MACSigner(secret);
        } catch (JOSEException e) {
            throw new StartupCheckException("gateway.prefill.token-secret cannot key HS256: " + e.getMessage());
        }
    }

    /** With what each attachment slot offered ({@code att}: only the slots that offered something; none for a form without slots). */
    /**
     * @param subjects the identifiers of the subjects other than the person whose declared values the form keeps
     *                 (a child or an enterprise acted for, as the prefill verified them): filing keeps them for that
     *                 subject; empty for most forms
     */
    public String mint(PrefillResponse response, String person, Map<String, List<Offer>> offered, Map<String, String> subjects) {
        Map<String, Object> values = new LinkedHashMap<>();
        response.fields().forEach((pointer, f) -> {
            if (f.status() == FieldStatus.PREFILLED || f.status() == FieldStatus.CONFLICT) {
                JsonNode value = response.data().at(pointer);
                Map<String, Object> entry = new LinkedHashMap<>(Map.of("h", hash(value), "l", Boolean.TRUE.equals(f.locked())));
                entry.put("s", f.source());
                if (f.asOf() != null) {
                    entry.put("a", f.asOf());
                }
                List<String> completed = UnitsOf2025.completions(value).stream().map(this::hash).toList();
                if (!completed.isEmpty()) {
                    entry.put("c", completed);
                }
                values.put(pointer, entry);
            }
        });
        long now = clock.millis() / 1000;
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", person);
        claims.put("form", response.formId());
        claims.put("ver", response.formVersion());
        claims.put("rid", response.requestId());
        claims.put("bound", response.fields().size());
        claims.put("values", values);
        Map<String, Object> attachments = new LinkedHashMap<>();
        offered.forEach((slot, offers) -> {
            if (!offers.isEmpty()) {
                attachments.put(slot, offers.stream().map(o -> java.util.Arrays.asList(o.type(), o.number(), o.ref(), o.hash())).toList());
            }
        });
        if (!subjects.isEmpty()) {
            claims.put("dsub", subjects);
        }
        if (!attachments.isEmpty()) {
            claims.put("att", attachments);
        }
        claims.put("iat", now);
        claims.put("exp", now + lifetime.toSeconds());
        try {
            // the claims serialised once, by Jackson, straight into the JWS payload
            JWSObject jws = new JWSObject(HEADER, new Payload(new Base64URL(BASE64URL.encodeToString(json.writeValueAsBytes(claims)))));
            jws.sign(signer);
            return jws.serialize();
        } catch (JOSEException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot sign a prefill token", e);
        }
    }

    /** The token's content, or null when it is malformed, forged or expired. */
    @SuppressWarnings("unchecked")
    public Prefilled verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(secret))) {
                return null;
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (claims.getExpirationTime() == null || claims.getExpirationTime().toInstant().isBefore(clock.instant())) {
                return null;
            }
            Map<String, String> hashes = new LinkedHashMap<>();
            Map<String, Boolean> locked = new LinkedHashMap<>();
            Map<String, List<String>> completions = new LinkedHashMap<>();
            Map<String, Origin> origins = new LinkedHashMap<>();
            Map<String, Object> values = claims.getJSONObjectClaim("values");
            values.forEach((pointer, v) -> {
                Map<String, Object> entry = (Map<String, Object>) v;
                hashes.put(pointer, (String) entry.get("h"));
                locked.put(pointer, Boolean.TRUE.equals(entry.get("l")));
                origins.put(pointer, new Origin((String) entry.get("s"), (String) entry.get("a")));
                if (entry.get("c") != null) {
                    completions.put(pointer, ((List<Object>) entry.get("c")).stream().map(String.class::cast).toList());
                }
            });
            Map<String, List<Offer>> attachments = new LinkedHashMap<>();
            Map<String, Object> att = claims.getJSONObjectClaim("att");
            if (att != null) {
                att.forEach((slot, list) -> attachments.put(slot, ((List<Object>) list).stream().map(o -> {
                    List<Object> f = (List<Object>) o;
                    return new Offer((String) f.get(0), (String) f.get(1), (String) f.get(2), (String) f.get(3));
                }).toList()));
            }
            return new Prefilled(claims.getSubject(), claims.getStringClaim("form"), claims.getStringClaim("ver"),
                    claims.getIntegerClaim("bound"), hashes, locked, completions,
                    claims.getIssueTime() == null ? null : claims.getIssueTime().toInstant(), origins, attachments, subjects(claims));
        } catch (ParseException | JOSEException | ClassCastException | NullPointerException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    private static Map<String, String> subjects(JWTClaimsSet claims) throws ParseException {
        Map<String, Object> dsub = claims.getJSONObjectClaim("dsub");
        Map<String, String> out = new LinkedHashMap<>();
        if (dsub != null) {
            dsub.forEach((role, id) -> out.put(role, (String) id));
        }
        return out;
    }

    /** SHA-256 of the value's canonical JSON (object keys sorted), base64url, 128 bits. */
    public String hash(JsonNode value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(canonical(value)).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object canonical(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> sorted = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                sorted.put(e.getKey(), canonical(e.getValue()));
            }
            return sorted;
        }
        if (node.isArray()) {
            java.util.List<Object> list = new java.util.ArrayList<>();
            node.forEach(n -> list.add(canonical(n)));
            return list;
        }
        return node.isNumber() ? node.numberValue() : node.isBoolean() ? node.booleanValue() : node.asText();
    }
}

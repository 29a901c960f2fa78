package vn.gov.prefill.audit;

import java.text.ParseException;
import java.time.Instant;
import java.util.Date;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import vn.gov.prefill.config.SecretKeys;
import vn.gov.prefill.config.StartupCheckException;

/**
 * The key checkpoints are signed with ({@code gateway.audit.checkpoint.key}, base64, at least 32 bytes):
 * HS256, the same key on every node, so any node's verifier checks every node's checkpoints.
 */
final class CheckpointKey {

    static final JOSEObjectType TYPE = new JOSEObjectType("chain-checkpoint+jwt");

    private final byte[] key;

    CheckpointKey(String configured) {
        if (configured == null || configured.isBlank()) {
            throw new StartupCheckException("gateway.audit.checkpoint.key is required with gateway.audit.checkpoint.directory "
                    + "(a base64 HMAC key of at least 32 bytes, the same on every node)");
        }
        this.key = SecretKeys.decode("gateway.audit.checkpoint.key", configured);
    }

    String sign(Checkpoint checkpoint) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(checkpoint.node()).claim("seq", checkpoint.seq())
                .claim("hash", checkpoint.hash()).issueTime(Date.from(checkpoint.at())).build();
        try {
            SignedJWT jws = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(TYPE).build(), claims);
            jws.sign(new MACSigner(key));
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a chain checkpoint", e);
        }
    }

    /** The checkpoint this text holds, or null when it is not one signed with this key. */
    Checkpoint verify(String text, String file) {
        try {
            SignedJWT jws = SignedJWT.parse(text.trim());
            if (!JWSAlgorithm.HS256.equals(jws.getHeader().getAlgorithm()) || !TYPE.equals(jws.getHeader().getType())
                    || !jws.verify(new MACVerifier(key))) {
                return null;
            }
            JWTClaimsSet claims = jws.getJWTClaimsSet();
            Long seq = claims.getLongClaim("seq");
            String hash = claims.getStringClaim("hash");
            Date at = claims.getIssueTime();
            if (seq == null || hash == null || at == null || claims.getIssuer() == null) {
                return null;
            }
            return new Checkpoint(claims.getIssuer(), seq, hash, Instant.ofEpochMilli(at.getTime()), file);
        } catch (ParseException | JOSEException e) {
            return null;
        }
    }
}

package vn.gov.prefill.audit;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;
import org.springframework.dao.DataAccessException;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * {@code GET /actuator/auditchain}: verifies the disclosure log from the last signed checkpoint to the
 * chain head, {@code ?full=true} the whole log from record 1, and reports the first broken link (200
 * either way: {@code valid} says which), or 503 when the log cannot be read. For operators, on the
 * management port.
 */
@Component
@WebEndpoint(id = "auditchain")
public class AuditChainEndpoint {

    private static final Logger log = LoggerFactory.getLogger(AuditChainEndpoint.class);
    private final ChainVerifier verifier;

    AuditChainEndpoint(ChainVerifier verifier) {
        this.verifier = verifier;
    }

    @ReadOperation
    public WebEndpointResponse<Object> verify(@Nullable Boolean full) {
        try {
            ChainReport report = Boolean.TRUE.equals(full) ? verifier.verify() : verifier.verifySinceCheckpoint();
            if (report.valid()) {
                log.info("disclosure chain verified: {} record(s) from seq {}, head seq {}", report.records(),
                        report.verifiedFrom(), report.headSeq());
            } else {
                log.error("disclosure chain broken at seq {}: {}", report.firstBrokenSeq(), report.reason());
            }
            return new WebEndpointResponse<>(report, WebEndpointResponse.STATUS_OK);
        } catch (DataAccessException e) {
            log.error("disclosure chain cannot be read: {}", e.getClass().getSimpleName());
            return new WebEndpointResponse<>(Map.of("valid", false, "reason", "the disclosure log cannot be read"),
                    WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE);
        }
    }
}

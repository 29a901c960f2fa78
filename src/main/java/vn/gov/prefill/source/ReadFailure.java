package vn.gov.prefill.source;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.RejectedExecutionException;

import org.apache.camel.component.jsonvalidator.JsonValidationException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.HttpException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;

/**
 * What a failed read comes to, decided by the types along the exception's cause chain: the status the
 * API shows and, when the gateway itself is to blame, which {@link OwnFault} (then the registry's
 * breaker does not count it). The reason is a registry's error code or a class name, never an
 * exception's message, which may quote a value.
 */
record ReadFailure(ReadStatus status, OwnFault ownFault, String reason) {

    private static final int MAX_DEPTH = 16;

    static ReadFailure registry(ReadStatus status, String reason) {
        return new ReadFailure(status, null, reason);
    }

    static ReadFailure own(OwnFault fault, ReadStatus status, String reason) {
        return new ReadFailure(status, fault, reason);
    }

    static ReadFailure of(Throwable thrown) {
        Throwable e = thrown;
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            ReadFailure decided = decisive(e);
            if (decided != null) {
                return decided;
            }
            if (e.getCause() == null || e.getCause() == e) {
                break;
            }
            e = e.getCause();
        }
        return ofRootCause(e);
    }

    boolean isOwn() {
        return ownFault != null;
    }

    /** The types that decide wherever they are in the chain (Camel and the bean component wrap them). */
    private static ReadFailure decisive(Throwable e) {
        if (e instanceof RegistryException re) {
            return registry(re.status(), re.getMessage());
        }
        if (e instanceof JsonValidationException) {
            return registry(ReadStatus.INVALID_RESPONSE, "the record breaks the source's schema");
        }
        // an InterruptedIOException too, but no byte has gone to the registry: camel-http's pool had no connection
        if (e instanceof ConnectionRequestTimeoutException) {
            return own(OwnFault.CONNECTION_POOL, ReadStatus.UNAVAILABLE, name(e));
        }
        // read timeouts, and HttpClient's ConnectTimeoutException
        if (e instanceof SocketTimeoutException) {
            return registry(ReadStatus.TIMEOUT, name(e));
        }
        if (e instanceof RejectedExecutionException) {
            return own(OwnFault.REJECTED_TASK, ReadStatus.UNAVAILABLE, name(e));
        }
        if (e instanceof InterruptedException || e instanceof InterruptedIOException) {
            return own(OwnFault.INTERRUPTED, ReadStatus.UNAVAILABLE, name(e));
        }
        return null;
    }

    private static ReadFailure ofRootCause(Throwable e) {
        // bytes that are not JSON reached a parser without an answer handler turning them into InvalidAnswer
        if (e instanceof StreamReadException) {
            return registry(ReadStatus.INVALID_RESPONSE, name(e));
        }
        // mapping or writing a tree the gateway built
        if (e instanceof JsonProcessingException) {
            return own(OwnFault.HANDLER, ReadStatus.UNAVAILABLE, name(e) + origin(e));
        }
        // refused, reset, no response, a broken HTTP message, an unknown host, TLS
        if (e instanceof IOException || e instanceof HttpException) {
            return registry(ReadStatus.UNAVAILABLE, name(e));
        }
        return own(OwnFault.HANDLER, ReadStatus.UNAVAILABLE, name(e) + origin(e));
    }

    /** Where a bug was thrown: a place in the code, which quotes no value. */
    private static String origin(Throwable e) {
        StackTraceElement[] frames = e.getStackTrace();
        return frames.length == 0 ? "" : " at " + frames[0];
    }

    private static String name(Throwable e) {
        return e.getClass().getSimpleName();
    }
}

package vn.gov.prefill.logging;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.logging.structured.StructuredLogFormatter;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One JSON object per log line ({@code logging.structured.format.console}): time, level, logger,
 * thread, the request id from the log context, and the message and any exception (with its root
 * cause), masked by {@link LogMasking}.
 */
public class MaskedJsonFormat implements StructuredLogFormatter<ILoggingEvent> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String format(ILoggingEvent event) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("@timestamp", Instant.ofEpochMilli(event.getTimeStamp()).toString());
        line.put("level", event.getLevel().toString());
        line.put("logger", event.getLoggerName());
        line.put("thread", event.getThreadName());
        String requestId = event.getMDCPropertyMap().get("requestId");
        if (requestId != null) {
            line.put("requestId", requestId);
        }
        line.put("message", LogMasking.mask(event.getFormattedMessage()));
        IThrowableProxy error = event.getThrowableProxy();
        if (error != null) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("type", error.getClassName());
            e.put("message", LogMasking.mask(error.getMessage()));
            StringBuilder frames = new StringBuilder();
            StackTraceElementProxy[] stack = error.getStackTraceElementProxyArray();
            for (int i = 0; stack != null && i < Math.min(stack.length, 20); i++) {
                frames.append(stack[i].getSTEAsString()).append('\n');
            }
            e.put("stack", frames.toString());
            IThrowableProxy root = rootCause(error);
            if (root != error) {
                // what went wrong first is usually what to fix; the top of the chain is a wrapper
                Map<String, Object> cause = new LinkedHashMap<>();
                cause.put("type", root.getClassName());
                cause.put("message", LogMasking.mask(root.getMessage()));
                e.put("rootCause", cause);
            }
            line.put("error", e);
        }
        try {
            return JSON.writeValueAsString(line) + "\n";
        } catch (JsonProcessingException ex) {
            return "{\"level\":\"ERROR\",\"message\":\"log line could not be written as JSON\"}\n";
        }
    }

    private static IThrowableProxy rootCause(IThrowableProxy error) {
        IThrowableProxy root = error;
        for (int depth = 0; root.getCause() != null && depth < 32; depth++) {
            root = root.getCause();
        }
        return root;
    }
}

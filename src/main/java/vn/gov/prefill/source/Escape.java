package vn.gov.prefill.source;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/** Route bean {@code escape}: every value placed in a SOAP body or a URL goes through here. */
@Component("escape")
public class Escape implements Processor {

    /** The exchange properties {@link #prepare} sets: the read's values, escaped for where they go. */
    public static final String SUBJECT_URL = "subjectIdUrl";
    public static final String SUBJECT_XML = "subjectIdXml";
    public static final String REQUEST_ID_XML = "requestIdXml";
    public static final String PURPOSE_XML = "purposeXml";

    /**
     * Escapes the read's subject, request id and purpose once, into plain exchange properties that a
     * route's Simple text names directly ({@code ${exchangeProperty.subjectIdUrl}}): a nested
     * {@code ${bean:escape?method=url(${…})}} would build a new bean expression on every exchange.
     */
    /** {@link #prepare}: {@code process: escape} in a route, a plain call. */
    @Override
    public void process(Exchange exchange) {
        prepare(exchange);
    }

    public void prepare(Exchange exchange) {
        String subject = exchange.getProperty(SourceFetcher.SUBJECT, String.class);
        exchange.setProperty(SUBJECT_URL, url(subject));
        exchange.setProperty(SUBJECT_XML, xml(subject));
        exchange.setProperty(REQUEST_ID_XML, xml(exchange.getProperty(SourceFetcher.REQUEST_ID, String.class)));
        exchange.setProperty(PURPOSE_XML, xml(exchange.getProperty(SourceFetcher.PURPOSE, String.class)));
    }

    public String xml(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isSurrogate(c)) {
                // keep a well-formed pair, drop a lone half: XML 1.0 cannot carry it
                if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    out.append(c).append(value.charAt(++i));
                }
                continue;
            }
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if ((c >= 0x20 && c != '\uFFFE' && c != '\uFFFF') || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** One path segment or one query value, percent-encoded (spaces as %20). */
    public String url(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

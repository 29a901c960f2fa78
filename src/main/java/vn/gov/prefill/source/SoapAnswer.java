package vn.gov.prefill.source;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

import com.ctc.wstx.stax.WstxInputFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Opens a SOAP 1.1 answer (route bean {@code soapAnswer}): 401 and faults become typed failures,
 * the record found at a path of local names under the Body becomes a JSON object with the agency's
 * element names (namespaces dropped, empty elements omitted, repeated elements as arrays).
 */
@Component("soapAnswer")
public class SoapAnswer implements Processor {

    /** The exchange property a route sets to the record's path before {@code process: soapAnswer}. */
    public static final String RECORD_PATH = "recordPath";

    private final ObjectMapper json;

    SoapAnswer(ObjectMapper json) {
        this.json = json;
    }

    /** As {@link #open(Exchange, String)}, the path from the exchange property {@value #RECORD_PATH}: a plain call from the route. */
    @Override
    public void process(Exchange exchange) throws Exception {
        open(exchange, AnswerSupport.required(exchange, RECORD_PATH));
    }

    /** @param recordPath local names below soap:Body, separated by '/', ending at the record element */
    public void open(Exchange exchange, String recordPath) throws Exception {
        int status = AnswerSupport.httpStatus(exchange);
        AnswerSupport.rejectExpiredToken(status);
        byte[] body = AnswerSupport.bytes(exchange);
        if (body.length == 0) {
            throw status >= 500 || status == 0 ? new RegistryException.Unavailable("HTTP " + status + " with an empty body")
                    : new RegistryException.InvalidAnswer("HTTP " + status + " with an empty body");
        }
        Document document = parse(body, status);
        if (status >= 500 && !"Envelope".equals(document.root())) {
            throw new RegistryException.Unavailable("HTTP " + status + " without a SOAP envelope");
        }
        Element soapBody = bodyOf(document);
        Element fault = child(soapBody, "Fault");
        if (fault != null) {
            throw faultOf(fault);
        }
        if (status != 200) {
            throw new RegistryException.Unavailable("HTTP " + status + " without a SOAP fault");
        }
        String[] steps = recordPath.split("/");
        Element at = soapBody;
        for (int i = 0; i < steps.length; i++) {
            at = child(at, steps[i]);
            if (at == null) {
                if (i == steps.length - 1) {
                    AnswerSupport.notFound(exchange);
                    return;
                }
                throw new RegistryException.InvalidAnswer("no " + steps[i] + " element in the SOAP body");
            }
        }
        AnswerSupport.found(exchange, toJson(at));
    }

    /**
     * One hardened StAX factory for the gateway (Woodstox, named rather than looked up; thread-safe once configured): no
     * DTD, so no entity is ever declared or resolved, and a document that brings a DOCTYPE is refused outright. The answer
     * is read as a stream in one pass, to its end (so that it must be well formed, as a whole), keeping only the Body's
     * elements: no DOM. The JDK's own StAX set up a property map and a symbol table for every answer.
     */
    private static final XMLInputFactory FACTORY = hardenedFactory();

    private static XMLInputFactory hardenedFactory() {
        XMLInputFactory factory = new WstxInputFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /** What one pass over the answer keeps: the root element's local name, and the first Body under an Envelope. */
    private record Document(String root, Element body) { }

    private static Document parse(byte[] body, int status) throws RegistryException {
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
            String root = null;
            Element soapBody = null;
            ArrayDeque<Element> open = new ArrayDeque<>();
            int depth = 0;
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLStreamConstants.DTD -> throw new XMLStreamException("a DOCTYPE");
                    case XMLStreamConstants.START_ELEMENT -> {
                        depth++;
                        String name = reader.getLocalName();
                        if (depth == 1) {
                            root = name;
                        } else if (!open.isEmpty()) {
                            Element e = new Element(name);
                            open.peek().add(e);
                            open.push(e);
                        } else if (depth == 2 && soapBody == null && "Envelope".equals(root) && "Body".equals(name)) {
                            soapBody = new Element(name);
                            open.push(soapBody);
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        // the element closing at depth d is the (d-1)th open one below the Body's parent
                        if (!open.isEmpty() && open.size() == depth - 1) {
                            open.pop();
                        }
                        depth--;
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!open.isEmpty()) {
                            open.peek().text(reader.getText());
                        }
                    }
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new XMLStreamException("an entity reference");
                    default -> { }
                }
            }
            if (root == null) {
                throw new XMLStreamException("no root element");
            }
            return new Document(root, soapBody);
        } catch (XMLStreamException | RuntimeException e) {
            if (status >= 500) {
                throw new RegistryException.Unavailable("HTTP " + status + " with a body that is not XML");
            }
            throw new RegistryException.InvalidAnswer("the answer is not well-formed XML");
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing is held open: the bytes are in memory
                }
            }
        }
    }

    private static Element bodyOf(Document document) throws RegistryException {
        Element body = "Envelope".equals(document.root()) ? document.body() : null;
        if (body == null) {
            throw new RegistryException.InvalidAnswer("not a SOAP envelope");
        }
        return body;
    }

    private static RegistryException faultOf(Element fault) {
        String code = text(child(fault, "faultcode"));
        Element detail = child(fault, "detail");
        String agencyCode = detail == null ? "" : text(child(detail, "MaLoi"));
        String reason = "SOAP fault " + code + (agencyCode.isEmpty() ? "" : " " + agencyCode);
        // soap:Client is the agency refusing our request (purpose, number); soap:Server is its failure
        return code.endsWith("Client") ? new RegistryException.Rejected(reason) : new RegistryException.Unavailable(reason);
    }

    private JsonNode toJson(Element element) {
        if (element.children.isEmpty()) {
            String text = text(element);
            return text.isEmpty() ? null : json.getNodeFactory().textNode(text);
        }
        ObjectNode object = json.createObjectNode();
        for (Element child : element.children) {
            JsonNode value = toJson(child);
            if (value == null) {
                continue;
            }
            JsonNode existing = object.get(child.name);
            if (existing == null) {
                object.set(child.name, value);
            } else if (existing instanceof ArrayNode array) {
                array.add(value);
            } else {
                ArrayNode array = json.createArrayNode().add(existing).add(value);
                object.set(child.name, array);
            }
        }
        return object.isEmpty() ? null : object;
    }

    private static Element child(Element parent, String localName) {
        for (Element e : parent.children) {
            if (localName.equals(e.name)) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element e) {
        return e == null ? "" : e.textContent().trim();
    }

    /** An element of the Body: its local name (namespaces dropped), its child elements and its own text. */
    private static final class Element {
        final String name;
        final List<Element> children = new ArrayList<>(4);
        /** Its own text: one chunk as a rule (the reader coalesces), more only around child elements. */
        private String text = "";

        Element(String name) {
            this.name = name;
        }

        void add(Element child) {
            children.add(child);
        }

        void text(String chunk) {
            text = text.isEmpty() ? chunk : text + chunk;
        }

        /** Its text and its descendants' (as DOM's getTextContent, the element's own text first). */
        String textContent() {
            if (children.isEmpty()) {
                return text;
            }
            StringBuilder all = new StringBuilder(text);
            for (Element c : children) {
                all.append(c.textContent());
            }
            return all.toString();
        }
    }
}

package vn.gov.prefill.source;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

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
public class SoapAnswer {

    private final ObjectMapper json;

    SoapAnswer(ObjectMapper json) {
        this.json = json;
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
        if (status >= 500 && !"Envelope".equals(localName(document.getDocumentElement()))) {
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
     * One hardened factory for the gateway, one builder per thread, reset between answers: a factory per
     * answer would run the JAXP service lookup (a class-path scan through the nested jar) on every read.
     */
    private static final DocumentBuilderFactory FACTORY = hardenedFactory();
    private static final ThreadLocal<DocumentBuilder> BUILDERS = ThreadLocal.withInitial(SoapAnswer::newBuilder);

    private static DocumentBuilderFactory hardenedFactory() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be hardened", e);
        }
    }

    private static DocumentBuilder newBuilder() {
        synchronized (FACTORY) {
            try {
                DocumentBuilder builder = FACTORY.newDocumentBuilder();
                builder.setErrorHandler(null);
                return builder;
            } catch (ParserConfigurationException e) {
                throw new IllegalStateException("no XML parser", e);
            }
        }
    }

    private static Document parse(byte[] body, int status) throws RegistryException {
        DocumentBuilder builder = BUILDERS.get();
        try {
            return builder.parse(new ByteArrayInputStream(body));
        } catch (Exception e) {
            if (status >= 500) {
                throw new RegistryException.Unavailable("HTTP " + status + " with a body that is not XML");
            }
            throw new RegistryException.InvalidAnswer("the answer is not well-formed XML");
        } finally {
            builder.reset();
            builder.setErrorHandler(null);
        }
    }

    private static Element bodyOf(Document document) throws RegistryException {
        Element envelope = document.getDocumentElement();
        Element body = "Envelope".equals(localName(envelope)) ? child(envelope, "Body") : null;
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
        List<Element> children = children(element);
        if (children.isEmpty()) {
            String text = text(element);
            return text.isEmpty() ? null : json.getNodeFactory().textNode(text);
        }
        ObjectNode object = json.createObjectNode();
        for (Element child : children) {
            JsonNode value = toJson(child);
            if (value == null) {
                continue;
            }
            String name = localName(child);
            JsonNode existing = object.get(name);
            if (existing == null) {
                object.set(name, value);
            } else if (existing instanceof ArrayNode array) {
                array.add(value);
            } else {
                ArrayNode array = json.createArrayNode().add(existing).add(value);
                object.set(name, array);
            }
        }
        return object.isEmpty() ? null : object;
    }

    private static List<Element> children(Element element) {
        List<Element> out = new ArrayList<>();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    private static Element child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(localName(e))) {
                return e;
            }
        }
        return null;
    }

    private static String localName(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
    }

    private static String text(Element e) {
        return e == null ? "" : e.getTextContent().trim();
    }
}

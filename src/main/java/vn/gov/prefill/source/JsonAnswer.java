package vn.gov.prefill.source;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Parsing helpers shared by the JSON registries' answer handlers. */
final class JsonAnswer {

    private JsonAnswer() { }

    static JsonNode parse(ObjectMapper json, byte[] body) throws RegistryException {
        if (body.length == 0) {
            throw new RegistryException.InvalidAnswer("an empty body");
        }
        try {
            JsonNode node = json.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new RegistryException.InvalidAnswer("an empty body");
            }
            return node;
        } catch (IOException e) {
            throw new RegistryException.InvalidAnswer("the answer is not valid JSON");
        }
    }
}

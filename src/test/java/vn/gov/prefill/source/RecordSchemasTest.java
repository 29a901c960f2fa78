package vn.gov.prefill.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The record check of every route: on the parsed tree, against the source's schema, compiled once. */
class RecordSchemasTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String INSURANCE = "schemas/sources/insurance.schema.json";

    final RecordSchemas schemas = new RecordSchemas(JSON);

    static Exchange withBody(Object body) {
        Exchange exchange = RegistryAnswers.exchange(200, new byte[0]);
        exchange.getMessage().setBody(body);
        return exchange;
    }

    @Test
    void aRecordThatFitsTheSchemaPassesAndStaysTheSameTree() throws Exception {
        Exchange exchange = withBody(JSON.readTree("{\"maSoBHXH\": \"0123456789\", \"hoTen\": \"NGUYỄN THỊ HOA\"}"));
        Object before = exchange.getMessage().getBody();

        assertThatCode(() -> schemas.check(exchange, INSURANCE)).doesNotThrowAnyException();
        assertThat(exchange.getMessage().getBody()).isSameAs(before);
    }

    @Test
    void aRecordThatBreaksTheSchemaIsAnInvalidAnswerNamingNoValue() throws Exception {
        Exchange exchange = withBody(JSON.readTree("{\"maSoBHXH\": 12345}"));

        assertThatThrownBy(() -> schemas.check(exchange, INSURANCE)).isInstanceOf(RegistryException.InvalidAnswer.class)
                .hasMessage("the record breaks the source's schema");
    }

    @Test
    void aRecordLeftAsTextByARouteIsParsedAndChecked() {
        assertThatThrownBy(() -> schemas.check(withBody("{\"maSoBHXH\": 12345}"), "file:" + INSURANCE))
                .isInstanceOf(RegistryException.InvalidAnswer.class);
        assertThatThrownBy(() -> schemas.check(withBody("{not json"), INSURANCE)).isInstanceOf(RegistryException.InvalidAnswer.class);
    }

    @Test
    void eachSchemaFileIsCompiledOnceHoweverARouteSpellsIt() {
        assertThat(schemas.schema(INSURANCE)).isSameAs(schemas.schema(INSURANCE))
                .isSameAs(schemas.schema("file:" + INSURANCE)).isSameAs(schemas.schema("./" + INSURANCE));
    }

    @Test
    void anUnreadableSchemaFileIsNamed() {
        assertThatThrownBy(() -> schemas.schema("schemas/sources/nope.schema.json")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("schemas/sources/nope.schema.json");
    }

    @Test
    void theCataloguesSchemasAreCompiledAtStartFromTheTreesItRead() {
        RecordSchemas atStart = new RecordSchemas(JSON, new SourceCatalog(new vn.gov.prefill.config.GatewayProperties(), JSON));

        assertThatThrownBy(() -> atStart.check(withBody(JSON.createObjectNode().put("maSoBHXH", 12345)), INSURANCE))
                .isInstanceOf(RegistryException.InvalidAnswer.class);
        assertThat(atStart.schema(INSURANCE)).isSameAs(atStart.schema("file:./" + INSURANCE));
    }
}

package vn.gov.prefill.binding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A JSON Pointer into a source's data finds the sub-schema that describes it, or null. */
class SchemaPathsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode population;
    private static JsonNode business;

    @BeforeAll
    static void readTheRealSourceSchemas() throws IOException {
        population = JSON.readTree(Path.of("schemas/sources/population.schema.json").toFile());
        business = JSON.readTree(Path.of("schemas/sources/business.schema.json").toFile());
    }

    private static JsonNode inPopulation(String pointer) {
        return SchemaPaths.at(population, population, pointer);
    }

    private static JsonNode inBusiness(String pointer) {
        return SchemaPaths.at(business, business, pointer);
    }

    @Test
    void aNestedPropertyIsFound() {
        JsonNode ho = inPopulation("/HoVaTen/Ho");
        assertThat(ho).isNotNull();
        assertThat(ho.path("type").asText()).isEqualTo("string");
    }

    @Test
    void aPropertyBehindARefIsFoundInTheReferencedDefinition() {
        JsonNode commune = inPopulation("/ThuongTru/MaPhuongXa");
        assertThat(commune).isNotNull();
        assertThat(commune.path("pattern").asText()).isEqualTo("^[0-9]{5}$");
    }

    @Test
    void theRefItselfIsResolvedWhenThePointerEndsAtIt() {
        JsonNode address = inPopulation("/ThuongTru");
        assertThat(address.has("$ref")).isFalse();
        assertThat(address.path("properties").has("MaQuanHuyen")).isTrue();
    }

    @Test
    void aRelativesNumberIsFoundThroughTheNguoiThanDefinition() {
        JsonNode number = inPopulation("/VoChong/SoDinhDanh");
        assertThat(number).isNotNull();
        assertThat(number.path("pattern").asText()).isEqualTo("^[0-9]{12}$");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/HoVaTen/Nope", "/Nope", "/ThuongTru/SoDinhDanh", "/VoChong/MaPhuongXa", "/SoDinhDanh/x", "HoVaTen/Ho"})
    void aPlaceTheSchemaDoesNotHaveIsNull(String pointer) {
        assertThat(inPopulation(pointer)).isNull();
    }

    @Test
    void theEmptyPointerIsTheWholeSchema() {
        assertThat(inPopulation("")).isSameAs(population);
    }

    @Test
    void anArrayIndexStepsIntoItems() {
        JsonNode document = inBusiness("/DaiDienPhapLuat/0/SoGiayTo");
        JsonNode activity = inBusiness("/NganhNgheKinhDoanh/0/MaNganh");

        assertThat(document).isNotNull();
        assertThat(document.path("type").asText()).isEqualTo("string");
        assertThat(activity).isNotNull();
        assertThat(activity.path("pattern").asText()).isEqualTo("^[0-9]{4,5}$");
        assertThat(inBusiness("/NganhNgheKinhDoanh/3/LaNganhChinh").path("type").asText()).isEqualTo("boolean");
    }

    @Test
    void aNonIndexTokenDoesNotStepIntoAnArray() {
        assertThat(inBusiness("/DaiDienPhapLuat/first/SoGiayTo")).isNull();
        assertThat(inBusiness("/DaiDienPhapLuat/0/Nope")).isNull();
    }

    @Test
    void combinatorsAndEscapedTokensAreFollowed() throws IOException {
        JsonNode schema = JSON.readTree("""
                {"type": "object",
                 "properties": {"a/b": {"type": "string"},
                                "x": {"allOf": [{"$ref": "#/$defs/One"}, {"properties": {"two": {"type": "integer"}}}]},
                                "y": {"oneOf": [{"properties": {"p": {"type": "boolean"}}}]}},
                 "$defs": {"One": {"properties": {"one": {"type": "number"}}}}}
                """);

        assertThat(SchemaPaths.at(schema, schema, "/a~1b").path("type").asText()).isEqualTo("string");
        assertThat(SchemaPaths.at(schema, schema, "/x/one").path("type").asText()).isEqualTo("number");
        assertThat(SchemaPaths.at(schema, schema, "/x/two").path("type").asText()).isEqualTo("integer");
        assertThat(SchemaPaths.at(schema, schema, "/y/p").path("type").asText()).isEqualTo("boolean");
        assertThat(SchemaPaths.at(schema, schema, "/x/three")).isNull();
    }

    @Test
    void aDanglingOrExternalRefLeadsNowhere() throws IOException {
        JsonNode schema = JSON.readTree("""
                {"properties": {"gone": {"$ref": "#/$defs/Missing"}, "far": {"$ref": "other.json#/x"}}}
                """);

        assertThat(SchemaPaths.at(schema, schema, "/gone")).isNull();
        assertThat(SchemaPaths.at(schema, schema, "/far")).isNull();
    }

    @Test
    void aCyclicRefDoesNotLoopForever() throws IOException {
        JsonNode schema = JSON.readTree("""
                {"properties": {"loop": {"$ref": "#/$defs/A"}},
                 "$defs": {"A": {"$ref": "#/$defs/B"}, "B": {"$ref": "#/$defs/A"}}}
                """);

        assertThat(SchemaPaths.at(schema, schema, "/loop/anything")).isNull();
    }
}

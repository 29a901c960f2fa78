package vn.gov.prefill.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * address:ndxp and address:lgsp against the real code lists in schemas/codelists: a two-level
 * (post-July-2025) record takes its names from the 2025 lists, a three-level record from the legacy ones.
 */
class TransformsAddressTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Transforms transforms;

    @BeforeAll
    static void loadTheRealCodeLists() {
        transforms = new Transforms(new CodeLists(CodeLists.load(Path.of("schemas/codelists"), JSON)));
    }

    private static JsonNode ndxp(ObjectNode diaChi) {
        return Transforms.applyAll(List.of(transforms.resolve("address:ndxp")), diaChi);
    }

    private static JsonNode lgsp(ObjectNode diaChiTruSo) {
        return Transforms.applyAll(List.of(transforms.resolve("address:lgsp")), diaChiTruSo);
    }

    @Test
    void twoLevelRecordIsNamedFromThe2025Lists() {
        ObjectNode diaChi = JSON.createObjectNode()
                .put("MaTinhThanh", "24").put("MaPhuongXa", "09187").put("ChiTiet", "Số 8 đường Lý Thái Tổ");

        JsonNode out = ndxp(diaChi);

        assertThat(out.path("text").asText()).isEqualTo("Số 8 đường Lý Thái Tổ, Phường Kinh Bắc, Tỉnh Bắc Ninh");
        assertThat(out.path("provinceCode").asText()).isEqualTo("24");
        assertThat(out.path("communeCode").asText()).isEqualTo("09187");
        assertThat(out.path("street").asText()).isEqualTo("Số 8 đường Lý Thái Tổ");
        assertThat(out.has("districtCode")).isFalse();
        assertThat(out.path("country").asText()).isEqualTo("VN");
    }

    @Test
    void anEmptyDistrictCodeStillMeansTheTwoLevelForm() {
        ObjectNode diaChi = JSON.createObjectNode()
                .put("MaTinhThanh", "24").put("MaQuanHuyen", "  ").put("MaPhuongXa", "09187").put("QuocGia", "VN");

        JsonNode out = ndxp(diaChi);

        assertThat(out.path("text").asText()).isEqualTo("Phường Kinh Bắc, Tỉnh Bắc Ninh");
        assertThat(out.has("districtCode")).isFalse();
        assertThat(out.has("street")).isFalse();
    }

    @Test
    void threeLevelRecordIsNamedFromTheLegacyListsWithItsDistrict() {
        ObjectNode diaChi = JSON.createObjectNode()
                .put("MaTinhThanh", "20").put("MaQuanHuyen", "183").put("MaPhuongXa", "06193").put("QuocGia", "VN");

        JsonNode out = ndxp(diaChi);

        assertThat(out.path("text").asText()).isEqualTo("Xã Thanh Lòa, Huyện Cao Lộc, Tỉnh Lạng Sơn");
        assertThat(out.path("districtCode").asText()).isEqualTo("183");
        assertThat(out.path("provinceCode").asText()).isEqualTo("20");
        assertThat(out.path("communeCode").asText()).isEqualTo("06193");
        assertThat(out.path("country").asText()).isEqualTo("VN");
    }

    @Test
    void province24IsBacGiangOnAnOldRecordButBacNinhOnANewOne() {
        // the legacy statistics code 24 was Bắc Giang; in the 2025 list 24 is the merged Bắc Ninh
        ObjectNode old = JSON.createObjectNode()
                .put("MaTinhThanh", "24").put("MaQuanHuyen", "213").put("MaPhuongXa", "07210");
        ObjectNode current = JSON.createObjectNode()
                .put("MaTinhThanh", "24").put("MaPhuongXa", "09187");

        assertThat(ndxp(old).path("text").asText()).isEqualTo("Phường Hoàng Văn Thụ, Thành phố Bắc Giang, Tỉnh Bắc Giang");
        assertThat(ndxp(current).path("text").asText()).isEqualTo("Phường Kinh Bắc, Tỉnh Bắc Ninh");
    }

    @Test
    void aCommuneCodeIsReadInTheListOfItsRecordsForm() {
        // 09187 was Phường Suối Hoa before the 2025 merge and is Phường Kinh Bắc after it
        ObjectNode old = JSON.createObjectNode()
                .put("MaTinhThanh", "27").put("MaQuanHuyen", "256").put("MaPhuongXa", "09187");
        ObjectNode current = JSON.createObjectNode()
                .put("MaTinhThanh", "24").put("MaPhuongXa", "09187");

        assertThat(ndxp(old).path("text").asText()).isEqualTo("Phường Suối Hoa, Thành phố Bắc Ninh, Tỉnh Bắc Ninh");
        assertThat(ndxp(current).path("text").asText()).isEqualTo("Phường Kinh Bắc, Tỉnh Bắc Ninh");
    }

    @Test
    void anUnknownCodeKeepsTheCodeButLeavesItsNameOut() {
        ObjectNode diaChi = JSON.createObjectNode()
                .put("MaTinhThanh", "24").put("MaPhuongXa", "99999").put("ChiTiet", "Thôn 1");

        JsonNode out = ndxp(diaChi);

        assertThat(out.path("communeCode").asText()).isEqualTo("99999");
        assertThat(out.path("text").asText()).isEqualTo("Thôn 1, Tỉnh Bắc Ninh");
    }

    @Test
    void aForeignCountryIsKept() {
        ObjectNode diaChi = JSON.createObjectNode().put("ChiTiet", "12 Rue de Rivoli, Paris").put("QuocGia", "FR");

        JsonNode out = ndxp(diaChi);

        assertThat(out.path("country").asText()).isEqualTo("FR");
        assertThat(out.path("text").asText()).isEqualTo("12 Rue de Rivoli, Paris");
    }

    @Test
    void anAddressWithoutProvinceCommuneOrStreetIsNoValue() {
        assertThat(ndxp(JSON.createObjectNode().put("QuocGia", "VN"))).isNull();
        assertThat(ndxp(JSON.createObjectNode().put("MaQuanHuyen", "183"))).isNull();
        assertThat(transforms.resolve("address:ndxp").apply(TextNode.valueOf("Số 8 đường Lý Thái Tổ"))).isNull();
    }

    @Test
    void businessAddressJoinsHouseNumberAndStreet() {
        ObjectNode truSo = JSON.createObjectNode()
                .put("SoNha", "Số 8").put("DiaChi", "đường Lý Thái Tổ")
                .put("MaPhuongXa", "09187").put("TenPhuongXa", "Phường Kinh Bắc")
                .put("MaTinhThanh", "24").put("TenTinhThanh", "Tỉnh Bắc Ninh").put("MaQuocGia", "VN");

        JsonNode out = lgsp(truSo);

        assertThat(out.path("street").asText()).isEqualTo("Số 8 đường Lý Thái Tổ");
        assertThat(out.path("text").asText()).isEqualTo("Số 8 đường Lý Thái Tổ, Phường Kinh Bắc, Tỉnh Bắc Ninh");
        assertThat(out.path("provinceCode").asText()).isEqualTo("24");
        assertThat(out.path("communeCode").asText()).isEqualTo("09187");
        assertThat(out.path("country").asText()).isEqualTo("VN");
        assertThat(out.has("districtCode")).isFalse();
    }

    @Test
    void businessAddressPrefersTheCodeListNameOverTheNameSent() {
        ObjectNode truSo = JSON.createObjectNode()
                .put("DiaChi", "thôn Phù Lãng")
                .put("MaPhuongXa", "09187").put("TenPhuongXa", "Phường Suối Hoa")
                .put("MaTinhThanh", "24").put("TenTinhThanh", "Tỉnh Bắc Giang");

        JsonNode out = lgsp(truSo);

        assertThat(out.path("street").asText()).isEqualTo("thôn Phù Lãng");
        assertThat(out.path("text").asText()).isEqualTo("thôn Phù Lãng, Phường Kinh Bắc, Tỉnh Bắc Ninh");
        assertThat(out.path("country").asText()).isEqualTo("VN");
    }

    @Test
    void businessAddressFallsBackToTheNameSentForAnUnknownCode() {
        ObjectNode truSo = JSON.createObjectNode()
                .put("SoNha", "Số 36")
                .put("MaPhuongXa", "99999").put("TenPhuongXa", "Xã Mới Lập")
                .put("MaTinhThanh", "24").put("MaQuocGia", "VN");

        JsonNode out = lgsp(truSo);

        assertThat(out.path("street").asText()).isEqualTo("Số 36");
        assertThat(out.path("text").asText()).isEqualTo("Số 36, Xã Mới Lập, Tỉnh Bắc Ninh");
    }

    @Test
    void theRealBusinessFixtureAddressRenders() throws Exception {
        JsonNode fixture = JSON.readTree(Path.of("mocks/__files/business/2401122337.json").toFile());

        JsonNode out = lgsp((ObjectNode) fixture.path("data").path("DiaChiTruSo"));

        assertThat(out.path("text").asText()).isEqualTo("Số 36 thôn Phù Lãng, Xã Phù Lãng, Tỉnh Bắc Ninh");
    }

    @Test
    void anAddressShapeMustBeNamed() {
        assertThatThrownBy(() -> transforms.resolve("address"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("address:ndxp");
        assertThatThrownBy(() -> transforms.resolve("address:civil"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("address needs a shape");
    }
}

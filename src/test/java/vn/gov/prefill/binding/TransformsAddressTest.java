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
 * (post-July-2025) record takes its names from the 2025 lists; an old record comes out in the units of
 * 2025, with the register's own address, named from the legacy lists, under legacy.
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

    private static Transformed ndxpWithFlags(ObjectNode diaChi) {
        return Transforms.transform(List.of(transforms.resolve("address:ndxp")), diaChi);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
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
    void threeLevelRecordComesOutInThe2025UnitsWithTheRegistersAddressUnderLegacy() {
        // the contract's example: 06211 was Xã Lộc Yên (Huyện Cao Lộc) and is Xã Cao Lộc since 2025
        ObjectNode diaChi = JSON.createObjectNode().put("MaTinhThanh", "20").put("MaQuanHuyen", "183")
                .put("MaPhuongXa", "06211").put("ChiTiet", "Khu 3").put("QuocGia", "VN");

        Transformed out = ndxpWithFlags(diaChi);

        assertThat(out.value()).isEqualTo(json("""
                {"provinceCode": "20", "communeCode": "06211", "street": "Khu 3", "country": "VN",
                 "text": "Khu 3, Xã Cao Lộc, Tỉnh Lạng Sơn",
                 "legacy": {"provinceCode": "20", "districtCode": "183", "communeCode": "06211",
                            "text": "Khu 3, Xã Lộc Yên, Huyện Cao Lộc, Tỉnh Lạng Sơn"}}"""));
        assertThat(out.flags()).containsExactly(UnitsOf2025.CONVERTED);
    }

    @Test
    void aMergedAwayCommuneWithoutADistrictIsOldAndConverted() {
        // 06100 (Xã Hoàng Văn Thụ) exists only in the old list; merged into 06112 Xã Bình Gia
        Transformed out = ndxpWithFlags(JSON.createObjectNode().put("MaTinhThanh", "20").put("MaPhuongXa", "06100"));

        assertThat(out.value().path("communeCode").asText()).isEqualTo("06112");
        assertThat(out.value().path("text").asText()).isEqualTo("Xã Bình Gia, Tỉnh Lạng Sơn");
        assertThat(out.value().at("/legacy/text").asText()).isEqualTo("Xã Hoàng Văn Thụ, Tỉnh Lạng Sơn");
        assertThat(out.value().at("/legacy/communeCode").asText()).isEqualTo("06100");
        assertThat(out.flags()).containsExactly(UnitsOf2025.CONVERTED);
    }

    @Test
    void aCodeInBothListsWithoutADistrictIsTodays() {
        Transformed out = ndxpWithFlags(JSON.createObjectNode().put("MaTinhThanh", "20").put("MaPhuongXa", "06211"));

        assertThat(out.value().path("text").asText()).isEqualTo("Xã Cao Lộc, Tỉnh Lạng Sơn");
        assertThat(out.value().has("legacy")).isFalse();
        assertThat(out.flags()).isEmpty();
    }

    @Test
    void oldProvinceCodesGoToTheirProvinceOf2025() {
        // old 27 Bắc Ninh and old 24 Bắc Giang are both 24 Bắc Ninh since 2025; 09187 Phường Suối Hoa is now Phường Kinh Bắc
        Transformed bacNinh = ndxpWithFlags(JSON.createObjectNode()
                .put("MaTinhThanh", "27").put("MaQuanHuyen", "256").put("MaPhuongXa", "09187"));

        assertThat(bacNinh.value().path("provinceCode").asText()).isEqualTo("24");
        assertThat(bacNinh.value().path("text").asText()).isEqualTo("Phường Kinh Bắc, Tỉnh Bắc Ninh");
        assertThat(bacNinh.value().at("/legacy/text").asText()).isEqualTo("Phường Suối Hoa, Thành phố Bắc Ninh, Tỉnh Bắc Ninh");
        assertThat(bacNinh.value().at("/legacy/provinceCode").asText()).isEqualTo("27");
        Transformed bacGiang = ndxpWithFlags(JSON.createObjectNode()
                .put("MaTinhThanh", "24").put("MaQuanHuyen", "213").put("MaPhuongXa", "07210"));
        assertThat(bacGiang.value().path("provinceCode").asText()).isEqualTo("24");
        assertThat(bacGiang.value().at("/legacy/text").asText()).isEqualTo("Phường Hoàng Văn Thụ, Thành phố Bắc Giang, Tỉnh Bắc Giang");
        assertThat(bacGiang.flags()).containsExactly(UnitsOf2025.CONVERTED);
    }

    @Test
    void aSplitCommuneGivesTheProvinceAndTheCandidatesButNoCommune() {
        // 03766 Xã Chiềng Bôm (Huyện Thuận Châu, Sơn La) went partly to 03721 Xã Thuận Châu, partly to 03784 Xã Nậm Lầu
        Transformed out = ndxpWithFlags(JSON.createObjectNode().put("MaTinhThanh", "14").put("MaQuanHuyen", "119")
                .put("MaPhuongXa", "03766").put("ChiTiet", "Bản Bôm"));

        assertThat(out.value().has("communeCode")).isFalse();
        assertThat(out.value().path("provinceCode").asText()).isEqualTo("14");
        assertThat(out.value().path("text").asText()).isEqualTo("Bản Bôm, Tỉnh Sơn La");
        assertThat(out.value().get("candidates")).isEqualTo(json("""
                [{"communeCode": "03721", "name": "Xã Thuận Châu"}, {"communeCode": "03784", "name": "Xã Nậm Lầu"}]"""));
        assertThat(out.flags()).containsExactly(UnitsOf2025.CONVERTED, UnitsOf2025.AMBIGUOUS);
        assertThat(UnitsOf2025.completions(out.value())).extracting(v -> v.path("communeCode").asText())
                .containsExactly("03721", "03784");
    }

    @Test
    void anOldCodeNoMappingKnowsIsKeptAsItIsAndFlagged() {
        // 06299 is in no list; the record keeps its district, and its text names what the lists know
        Transformed out = ndxpWithFlags(JSON.createObjectNode().put("MaTinhThanh", "20").put("MaQuanHuyen", "183")
                .put("MaPhuongXa", "06299").put("ChiTiet", "Thôn Mới"));

        assertThat(out.value().path("communeCode").asText()).isEqualTo("06299");
        assertThat(out.value().path("districtCode").asText()).isEqualTo("183");
        assertThat(out.value().path("text").asText()).isEqualTo("Thôn Mới, Huyện Cao Lộc, Tỉnh Lạng Sơn");
        assertThat(out.flags()).containsExactly(UnitsOf2025.UNKNOWN);
    }

    @Test
    void aCommuneOfAnotherProvinceIsFlaggedNotRefused() {
        // 06211 is in Lạng Sơn (20); the record says Bắc Ninh (24, old 27)
        Transformed today = ndxpWithFlags(JSON.createObjectNode().put("MaTinhThanh", "24").put("MaPhuongXa", "06211"));
        Transformed old = ndxpWithFlags(JSON.createObjectNode()
                .put("MaTinhThanh", "27").put("MaQuanHuyen", "183").put("MaPhuongXa", "06193"));

        assertThat(today.flags()).containsExactly(UnitsOf2025.PROVINCE_MISMATCH);
        assertThat(today.value().path("communeCode").asText()).isEqualTo("06211");
        assertThat(old.flags()).containsExactlyInAnyOrder(UnitsOf2025.PROVINCE_MISMATCH, UnitsOf2025.CONVERTED);
        assertThat(old.value().path("communeCode").asText()).isEqualTo("06211");
    }

    @Test
    void aMalformedCodeIsAFlagNeverAFailure() {
        Transformed out = ndxpWithFlags(JSON.createObjectNode().put("MaTinhThanh", "2O").put("MaQuanHuyen", "18")
                .put("MaPhuongXa", "<06193>").put("ChiTiet", "Thôn 1"));

        assertThat(out.flags()).containsExactly(UnitsOf2025.UNKNOWN);
        assertThat(out.value().has("communeCode")).isFalse();
        assertThat(out.value().has("provinceCode")).isFalse();
        assertThat(out.value().at("/legacy/communeCode").asText()).isEqualTo("<06193>");
        assertThat(out.value().path("text").asText()).isEqualTo("Thôn 1");
    }

    @Test
    void anOldBusinessHeadOfficeIsConvertedToo() {
        // 06193 Xã Thanh Lòa exists only in the old list: merged into 06211 Xã Cao Lộc
        ObjectNode truSo = JSON.createObjectNode().put("SoNha", "Số 5").put("DiaChi", "thôn Bó Củng")
                .put("MaPhuongXa", "06193").put("TenPhuongXa", "Xã Thanh Lòa")
                .put("MaTinhThanh", "20").put("TenTinhThanh", "Tỉnh Lạng Sơn").put("MaQuocGia", "VN");

        Transformed out = Transforms.transform(List.of(transforms.resolve("address:lgsp")), truSo);

        assertThat(out.value().path("communeCode").asText()).isEqualTo("06211");
        assertThat(out.value().path("text").asText()).isEqualTo("Số 5 thôn Bó Củng, Xã Cao Lộc, Tỉnh Lạng Sơn");
        assertThat(out.value().at("/legacy/text").asText()).isEqualTo("Số 5 thôn Bó Củng, Xã Thanh Lòa, Tỉnh Lạng Sơn");
        assertThat(out.flags()).containsExactly(UnitsOf2025.CONVERTED);
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

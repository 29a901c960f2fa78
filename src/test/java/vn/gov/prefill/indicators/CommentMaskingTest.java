package vn.gov.prefill.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a rating's comment loses before it is stored, and what it keeps. */
class CommentMaskingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Số định danh của tôi là 027190001234, xử lý chậm|Số định danh của tôi là [personal-number], xử lý chậm",
        "CCCD 027 190 001 234 nhé|CCCD [personal-number] nhé",
        "gọi 0912345678 hoặc 0912.345.678 hoặc 091-234-5678|gọi [phone] hoặc [phone] hoặc [phone]",
        "số máy +84 912 345 678|số máy [phone]",
        "email hoa.nguyen@example.vn cho tôi|email [e-mail] cho tôi",
        "CMND cũ 123456789|CMND cũ [id-number]",
        "Cán bộ nhiệt tình, 5 sao, chờ 15 phút, năm 2026|Cán bộ nhiệt tình, 5 sao, chờ 15 phút, năm 2026",
        "Ngày 03.12.2026 tôi nộp|Ngày 03.12.2026 tôi nộp"})
    void masksWhatIsShapedLikeAPersonalNumberAPhoneOrAnEmail(String comment, String stored) {
        assertThat(CommentMasking.mask(comment)).isEqualTo(stored);
    }
}

package vn.gov.prefill.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Personal numbers and enterprise codes are checked before any registry is asked. */
class IdentifiersTest {

    private static final int[] WEIGHTS = {31, 29, 23, 19, 17, 13, 7, 5, 3};

    private static int weightedSum(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nineDigits.charAt(i) - '0') * WEIGHTS[i];
        }
        return sum;
    }

    // ---- personal identification number

    @ParameterizedTest
    @ValueSource(strings = {"027190001234", "020048000777", "001090000001", "000000000000"})
    void twelveDigitsAreAPersonalNumber(String id) {
        assertThat(Identifiers.citizenIdProblem(id)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"02719000123", "0271900012345", "02719000123A", "ABCDEFGHIJKL", "125123456", " 027190001234",
            "027190001234 ", "027-190-001234", "０２７１９０００１２３４"})
    void anythingButTwelveAsciiDigitsIsRefusedWithAReason(String id) {
        assertThat(Identifiers.citizenIdProblem(id)).isEqualTo("must be 12 digits (the personal identification number)");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void aMissingPersonalNumberIsReportedAsMissing(String id) {
        assertThat(Identifiers.citizenIdProblem(id)).isEqualTo("is missing");
    }

    // ---- enterprise code

    @Test
    void theWorkedExampleOfTheDomainNotesHoldsForTheTestHelper() {
        assertThat(weightedSum("010023348")).isEqualTo(167);
        assertThat(167 % 11).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0100233488", "2401122337", "0101987657", "7900112238", "0100666668", "0100233488-001", "0100233488-999"})
    void aWellFormedEnterpriseCodeOrBranchIsAccepted(String code) {
        assertThat(Identifiers.enterpriseCodeProblem(code)).isNull();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "0100233489     | has a wrong check digit (expected 8)",
            "0100233480     | has a wrong check digit (expected 8)",
            "2401122338     | has a wrong check digit (expected 7)",
            "0100233488-000 | has branch number 000 (branches are 001-999)",
            "0100000000     | has a zero sequence number (digits 3-9)",
            "7900000008     | has a zero sequence number (digits 3-9)",
            "0100000000-001 | has a zero sequence number (digits 3-9)",
            "010023348      | must be 10 digits, or 10 digits, '-' and a 3-digit branch number",
            "01002334881    | must be 10 digits, or 10 digits, '-' and a 3-digit branch number",
            "0100233488-01  | must be 10 digits, or 10 digits, '-' and a 3-digit branch number",
            "0100233488-0001| must be 10 digits, or 10 digits, '-' and a 3-digit branch number",
            "0100233488001  | must be 10 digits, or 10 digits, '-' and a 3-digit branch number",
            "0100233488/001 | must be 10 digits, or 10 digits, '-' and a 3-digit branch number",
            "01OO233488     | must be 10 digits, or 10 digits, '-' and a 3-digit branch number",
    })
    void aMalformedEnterpriseCodeIsRefusedWithItsReason(String code, String reason) {
        assertThat(Identifiers.enterpriseCodeProblem(code)).isEqualTo(reason);
    }

    @Test
    void aPrefixWhoseWeightedSumIsAMultipleOfElevenAdmitsNoCheckDigit() {
        String prefix = "010100006"; // 0*31 + 1*29 + 0 + 1*19 + 0 + 0 + 0 + 0 + 6*3 = 66 = 6 * 11
        assertThat(weightedSum(prefix) % 11).isZero();

        for (int check = 0; check <= 9; check++) {
            assertThat(Identifiers.enterpriseCodeProblem(prefix + check))
                    .as("check digit %d", check)
                    .isEqualTo("cannot be valid: digits 1-9 admit no check digit");
        }
    }

    @Test
    void aWeightedSumOfTenModElevenGivesCheckDigitZero() {
        // find a prefix whose sum ≡ 10 (mod 11): check = 10 - 10 = 0
        String prefix = null;
        for (int n = 1; prefix == null; n++) {
            String candidate = String.format("01%07d", n);
            if (weightedSum(candidate) % 11 == 10) {
                prefix = candidate;
            }
        }
        assertThat(Identifiers.enterpriseCodeProblem(prefix + "0")).isNull();
        assertThat(Identifiers.enterpriseCodeProblem(prefix + "1")).isEqualTo("has a wrong check digit (expected 0)");
    }

    @Test
    void everyCheckDigitIsTenMinusTheWeightedSumModEleven() {
        for (int n = 1; n <= 300; n++) {
            String prefix = String.format("24%07d", n);
            int rest = weightedSum(prefix) % 11;
            for (int check = 0; check <= 9; check++) {
                String problem = Identifiers.enterpriseCodeProblem(prefix + check);
                if (rest == 0) {
                    assertThat(problem).as(prefix + check).startsWith("cannot be valid");
                } else if (check == 10 - rest) {
                    assertThat(problem).as(prefix + check).isNull();
                } else {
                    assertThat(problem).as(prefix + check).startsWith("has a wrong check digit");
                }
            }
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    void aMissingEnterpriseCodeIsReportedAsMissing(String code) {
        assertThat(Identifiers.enterpriseCodeProblem(code)).isEqualTo("is missing");
    }
}

package vn.gov.prefill.mapping;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import vn.gov.prefill.form.FormDefinition.IdCheck;

/**
 * Cross-checks a value against the personal number it belongs to (VIETNAM.md: digit 4 is century and
 * sex, digits 5-6 the year of birth). A contradiction is a flag on the field, never a refusal: the
 * record, not the number, may be the one that is wrong.
 */
final class DataQuality {

    static final String SEX_MISMATCH = "ID_SEX_MISMATCH";
    static final String BIRTH_YEAR_MISMATCH = "ID_BIRTH_YEAR_MISMATCH";

    private DataQuality() { }

    /** The flags for {@code value} of the holder of {@code citizenId}; null when there are none. */
    static List<String> flags(List<IdCheck> checks, String citizenId, JsonNode value) {
        if (checks.isEmpty() || citizenId == null || !citizenId.matches("\\d{12}") || value == null || !value.isTextual()) {
            return null;
        }
        int centuryAndSex = citizenId.charAt(3) - '0';
        List<String> flags = new ArrayList<>();
        for (IdCheck check : checks) {
            switch (check) {
                case SEX -> {
                    String expected = centuryAndSex % 2 == 0 ? "NAM" : "NU";
                    if (!expected.equals(value.asText())) {
                        flags.add(SEX_MISMATCH);
                    }
                }
                case BIRTH_YEAR -> {
                    String year = value.asText().length() >= 4 ? value.asText().substring(0, 4) : "";
                    int expected = 1900 + 100 * (centuryAndSex / 2) + Integer.parseInt(citizenId.substring(4, 6));
                    if (!year.equals(String.valueOf(expected))) {
                        flags.add(BIRTH_YEAR_MISMATCH);
                    }
                }
            }
        }
        return flags.isEmpty() ? null : List.copyOf(flags);
    }
}

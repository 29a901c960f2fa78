package vn.gov.prefill.indicators;

import java.time.Instant;

/**
 * A citizen's rating of one dossier at one stage ({@code FILING} or {@code RESULT}), as it is recorded:
 * without the person. The dossier's form, procedure, channel ({@code ONLINE}, {@code DESK}) and desk unit,
 * the overall score and the optional items (1–5; {@code staff} only for a desk filing), and the comment,
 * which the store masks before it keeps it.
 */
public record Rating(String dossierId, Stage stage, String formId, String procedureCode, String channel, String unit, int score,
                     Integer easy, Integer time, Integer staff, String comment, Instant ratedAt) {

    public enum Stage {
        /** After filing: how filing went. */
        FILING,
        /** After the result (ready, refused or handed over): how the whole handling went. */
        RESULT
    }

    /** Scores 4 and 5 are satisfied, as the provinces count it. */
    public boolean satisfied() {
        return score >= 4;
    }
}

package vn.gov.prefill.indicators;

import java.util.List;
import java.util.Map;

/** The life events the gateway may suggest, listed by the report even when none was shown (the suggestion feature says which). */
public interface LifeEvents {

    List<String> names();

    /** Each life event's title, as its rule gives it (for the dashboard and the CSV). */
    default Map<String, String> titles() {
        return Map.of();
    }
}

package vn.gov.prefill.indicators;

import java.util.List;

/** The life events the gateway may suggest, listed by the report even when none was shown (the suggestion feature says which). */
public interface LifeEvents {

    List<String> names();
}

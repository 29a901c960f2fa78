package vn.gov.prefill.indicators;

import org.springframework.stereotype.Component;

import vn.gov.prefill.config.PersonKeys;

/**
 * What links a suggestion shown to the prefill that follows it, without the person's number in the
 * database: the {@link PersonKeys} HMAC of the form, the person and the actingFor.
 */
@Component
class SuggestionMatchKey {

    static final String PURPOSE = "suggestion-match";
    private final PersonKeys keys;

    SuggestionMatchKey(PersonKeys keys) {
        this.keys = keys;
    }

    String of(String formId, String person, String actingForId) {
        return keys.of(PURPOSE, formId, person, actingForId);
    }
}

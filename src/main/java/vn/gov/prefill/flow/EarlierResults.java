package vn.gov.prefill.flow;

import java.util.Collection;
import java.util.List;

import vn.gov.prefill.identity.Citizen;

/**
 * The results handed back on a person's own earlier dossiers (a result ready, or handed over), which an attachment
 * slot of {@code self} offers by reference. Implemented where the dossiers are kept; the flow knows only this.
 */
public interface EarlierResults {

    /** A result document, as the handling system described it: a reference, never the document. */
    record Result(String type, String title, String number, String issuedOn, String ref, String hash) { }

    /** Nothing handed back, ever. */
    EarlierResults NONE = (person, types) -> List.of();

    /**
     * The results of {@code person}'s earlier dossiers whose type is one of {@code types}, newest first; none (never a
     * failure) when they cannot be read now.
     */
    List<Result> of(Citizen person, Collection<String> types);
}

package vn.gov.prefill.dossier;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.gov.prefill.config.PersonKeys;
import vn.gov.prefill.flow.EarlierResults;
import vn.gov.prefill.identity.Citizen;

/**
 * The results handed back on a person's own dossiers ({@code DA_CO_KET_QUA}, kept with the dossier), for the attachment
 * slots of the next form. Found by the person key the dossiers are kept under; unreadable now, none offered.
 */
@Component
class DossierResults implements EarlierResults {

    /** How many of the newest results are looked at: a person's own, a handful at most. */
    static final int LIMIT = 50;
    private static final Logger log = LoggerFactory.getLogger(DossierResults.class);

    private final DossierStore store;
    private final PersonKeys personKeys;
    private final ObjectMapper json;

    DossierResults(DossierStore store, PersonKeys personKeys, ObjectMapper json) {
        this.store = store;
        this.personKeys = personKeys;
        this.json = json;
    }

    @Override
    public List<Result> of(Citizen person, Collection<String> types) {
        List<String> stored;
        try {
            stored = store.resultsOfPerson(DossierController.personKeyOf(personKeys, person), LIMIT);
        } catch (DataAccessException e) {
            log.warn("earlier results unreadable, none offered: {}", e.getClass().getSimpleName());
            return List.of();
        }
        List<Result> results = new ArrayList<>();
        for (String text : stored) {
            try {
                HandlingEvent.Result r = json.readValue(text, HandlingEvent.Result.class);
                if (types.contains(r.type())) {
                    results.add(new Result(r.type(), r.title(), r.number(), r.issuedOn(), r.documentRef(), r.hash()));
                }
            } catch (JsonProcessingException e) {
                log.warn("a stored result reference is not JSON; skipped");
            }
        }
        return results;
    }
}

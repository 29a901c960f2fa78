package vn.gov.prefill.flow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.gov.prefill.audit.Disclosure;
import vn.gov.prefill.form.FormDefinition;
import vn.gov.prefill.identity.Citizen;

/**
 * What the disclosure log keeps of one prefill: one record per subject read, with the sources asked and
 * the fields released; a prefill that read nobody still leaves a trace, on the caller.
 */
final class DisclosureRecords {

    private DisclosureRecords() { }

    /**
     * @param verification the registry read about the caller that established actingFor, if any
     * @param at           when, on the gateway's clock
     */
    static List<Disclosure> of(PrefillResult result, Map<String, String> verification, FormDefinition form, Citizen citizen,
                               PrefillRequest request, String requestId, Instant at) {
        String actor = citizen.isOrganisation() ? citizen.enterpriseCode() : citizen.citizenId();
        String actingFor = request.actingFor() == null ? null : request.actingFor().type();
        List<String> consent = request.consentedSources() == null ? null : request.consentedSources().stream().sorted().toList();
        List<PrefillResult.SubjectRead> reads = new ArrayList<>(result.reads());
        // the registry read to verify actingFor was about the caller: it belongs to the caller's record
        int self = -1;
        for (int i = 0; i < reads.size(); i++) {
            if (actor != null && actor.equals(reads.get(i).id())) {
                self = i;
            }
        }
        if (self < 0) {
            if (reads.isEmpty() || !verification.isEmpty()) {
                reads.add(0, new PrefillResult.SubjectRead("self", actor, verification, List.of()));
            }
        } else if (!verification.isEmpty()) {
            PrefillResult.SubjectRead r = reads.get(self);
            Map<String, String> sources = new LinkedHashMap<>(verification);
            sources.putAll(r.sources());
            reads.set(self, new PrefillResult.SubjectRead(r.role(), r.id(), sources, r.released()));
        }
        return reads.stream().map(r -> new Disclosure(requestId, at, citizen.client(), actor, r.id(), r.role(), actingFor,
                form.id(), form.version(), form.procedureCode(), consent, r.sources(), r.released(), citizen.desk())).toList();
    }
}

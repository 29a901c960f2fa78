package vn.gov.prefill.suggestion;

import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.gov.prefill.form.FormCatalog;
import vn.gov.prefill.form.FormDefinition;
import vn.gov.prefill.mapping.FieldMapper;
import vn.gov.prefill.mapping.MappedForm;
import vn.gov.prefill.plan.BindingPlan;
import vn.gov.prefill.plan.ReadCache;
import vn.gov.prefill.plan.WaveRunner;
import vn.gov.prefill.source.SourceCatalog;

/**
 * A dry run of a suggested form: its own plan for the suggestion's actingFor, run through the request's
 * read cache (the rules' records are not read again), mapped, and only counted: nothing is released.
 */
@Component
class Readiness {

    private final FormCatalog forms;
    private final SourceCatalog sources;
    private final WaveRunner runner;
    private final FieldMapper mapper;

    Readiness(FormCatalog forms, SourceCatalog sources, WaveRunner runner, FieldMapper mapper) {
        this.forms = forms;
        this.sources = sources;
        this.runner = runner;
        this.mapper = mapper;
    }

    /** @param roles filled with the subjects the form's plan read, by identifier, for the disclosure log */
    Suggestion.Readiness of(Suggestion s, String callerId, Set<String> consented, String requestId, long deadline, ReadCache cache,
                            Map<String, String> roles) {
        FormDefinition form = forms.get(s.formId());
        BindingPlan plan = BindingPlan.forForm(sources, form, callerId, s.actingFor() == null ? null : s.subjectId(), consented);
        runner.run(plan, requestId, SuggestionService.PURPOSE, deadline, cache);
        for (String subject : form.subjects().keySet()) {
            String id = plan.subjectId(subject);
            if (id != null) {
                roles.putIfAbsent(id, subject);
            }
        }
        MappedForm mapped = mapper.map(form, plan);
        return new Suggestion.Readiness(form.fields().size(), mapped.released());
    }
}

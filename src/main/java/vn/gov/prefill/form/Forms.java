package vn.gov.prefill.form;

import java.util.regex.Pattern;

import vn.gov.prefill.edge.problem.ApiProblem;

/** Looking a form up by the id in a URL. */
public final class Forms {

    private static final Pattern FORM_ID = Pattern.compile("[a-z0-9-]{1,64}");

    private Forms() { }

    public static FormDefinition require(FormCatalog catalog, String formId) {
        FormDefinition form = FORM_ID.matcher(formId).matches() ? catalog.get(formId) : null;
        if (form == null) {
            throw new ApiProblem(404, "unknown-form", "Unknown form",
                    "there is no form with this id; GET /api/v1/forms lists them");
        }
        return form;
    }
}

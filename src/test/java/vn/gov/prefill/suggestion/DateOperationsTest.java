package vn.gov.prefill.suggestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.jamsesso.jsonlogic.JsonLogic;

/** The date operations inside the JsonLogic engine, as the rules use them. */
class DateOperationsTest {

    private final JsonLogic logic = DateOperations.engine();

    Object eval(String rule, Map<String, Object> data) throws Exception {
        return logic.apply(rule, data);
    }

    @Test
    void yearsAndDaysBetweenReadEveryRegistrySpelling() throws Exception {
        Map<String, Object> data = Map.of("born", "20240328", "today", "2026-12-01", "vn", "28/03/2024");
        assertThat(eval("{\"years_between\": [{\"var\": \"born\"}, {\"var\": \"today\"}]}", data)).isEqualTo(2.0);
        assertThat(eval("{\"years_between\": [{\"var\": \"vn\"}, {\"var\": \"today\"}]}", data)).isEqualTo(2.0);
        assertThat(eval("{\"days_between\": [\"2026-12-01\", \"2026-12-31\"]}", data)).isEqualTo(30.0);
        assertThat(eval("{\"add_days\": [{\"add_years\": [\"2024-03-28\", 6]}, -1]}", data)).isEqualTo("2030-03-27");
        assertThat(eval("{\"format_date\": [\"2024-03-28\"]}", data)).isEqualTo("28/03/2024");
    }

    @Test
    void theNextBirthdayIsTodayOrLaterAndAYearOnlyDateHasNone() throws Exception {
        assertThat(eval("{\"next_birthday\": [\"2002-02-15\", \"2026-12-01\"]}", Map.of())).isEqualTo("2027-02-15");
        assertThat(eval("{\"next_birthday\": [\"2002-12-01\", \"2026-12-01\"]}", Map.of())).isEqualTo("2026-12-01");
        assertThat(eval("{\"next_birthday\": [\"2004-02-29\", \"2026-12-01\"]}", Map.of())).isEqualTo("2027-02-28");
        assertThat(eval("{\"next_birthday\": [\"1948\", \"2026-12-01\"]}", Map.of())).isNull();
        assertThat(eval("{\"date\": [\"19480000\"]}", Map.of())).isNull();
    }

    @Test
    void anAgeComputedByAnOperationIsFoundInAListOfAges() throws Exception {
        String rule = "{\"in\": [{\"years_between\": [\"2002-02-15\", {\"next_birthday\": [\"2002-02-15\", \"2026-12-01\"]}]}, [14, 25, 40, 60]]}";
        assertThat(JsonLogic.truthy(eval(rule, Map.of()))).isTrue();
        String not = "{\"in\": [{\"years_between\": [\"2003-02-15\", {\"next_birthday\": [\"2003-02-15\", \"2026-12-01\"]}]}, [14, 25, 40, 60]]}";
        assertThat(JsonLogic.truthy(eval(not, Map.of()))).isFalse();
    }
}

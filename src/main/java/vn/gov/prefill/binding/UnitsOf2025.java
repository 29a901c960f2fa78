package vn.gov.prefill.binding;

import vn.gov.prefill.config.StartupCheckException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Gives an address in the provinces and communes in force since 1 July 2025 (GATEWAY-API.md, "Addresses
 * in the units of 2025"). A record is old when it has a district, or when its commune code (or, without
 * a commune, its province code) is only in the old list; it is then converted through the mapping lists
 * and the register's own address is kept under {@code legacy}. What cannot be decided is flagged, never refused.
 */
public final class UnitsOf2025 {

    public static final String CONVERTED = "CONVERTED_TO_2025_UNITS";
    public static final String AMBIGUOUS = "UNIT_AMBIGUOUS";
    public static final String UNKNOWN = "UNIT_UNKNOWN";
    public static final String PROVINCE_MISMATCH = "UNIT_PROVINCE_MISMATCH";

    static final String COMMUNE_MAPPING = "units-2025-communes";
    static final String PROVINCE_MAPPING = "units-2025-provinces";
    static final String COMMUNE_PROVINCES = "communes-2025-provinces";
    static final List<String> LISTS = List.of(COMMUNE_MAPPING, PROVINCE_MAPPING, COMMUNE_PROVINCES,
            "provinces-2025", "communes-2025", "provinces-legacy", "districts-legacy", "communes-legacy");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** An address as a register holds it: codes, and the names the register gives alongside them (may be null). */
    record Held(String province, String district, String commune, String street, String country,
                String provinceName, String districtName, String communeName) { }

    private final Map<String, String> provinces;
    private final Map<String, String> communes;
    private final Map<String, String> oldProvinces;
    private final Map<String, String> oldDistricts;
    private final Map<String, String> oldCommunes;
    private final Map<String, List<String>> communeTargets;
    private final Map<String, String> provinceTargets;
    private final Map<String, String> provinceOfCommune;

    private UnitsOf2025(CodeLists lists) {
        provinces = lists.codes("provinces-2025");
        communes = lists.codes("communes-2025");
        oldProvinces = lists.codes("provinces-legacy");
        oldDistricts = lists.codes("districts-legacy");
        oldCommunes = lists.codes("communes-legacy");
        provinceTargets = lists.codes(PROVINCE_MAPPING);
        provinceOfCommune = lists.codes(COMMUNE_PROVINCES);
        Map<String, List<String>> targets = new HashMap<>();
        lists.codes(COMMUNE_MAPPING).forEach((old, to) -> targets.put(old, List.of(to.split(" "))));
        communeTargets = Map.copyOf(targets);
        check(lists);
    }

    /** The conversion over {@code lists}, or null when they lack the mapping; throws, naming file and code, when it is broken. */
    static UnitsOf2025 over(CodeLists lists) {
        if (!lists.has(COMMUNE_MAPPING) && !lists.has(PROVINCE_MAPPING) && !lists.has(COMMUNE_PROVINCES)) {
            return null;
        }
        List<String> missing = LISTS.stream().filter(l -> !lists.has(l)).toList();
        if (!missing.isEmpty()) {
            throw new StartupCheckException(lists.fileOf(missing.get(0)) + ": missing; the conversion to the units of 2025 needs " + LISTS);
        }
        return new UnitsOf2025(lists);
    }

    private void check(CodeLists lists) {
        communeTargets.forEach((old, to) -> to.forEach(code -> {
            if (!communes.containsKey(code)) {
                throw broken(lists, COMMUNE_MAPPING, old, "'" + code + "' is not in communes-2025");
            }
        }));
        provinceTargets.forEach((old, to) -> {
            if (!provinces.containsKey(to)) {
                throw broken(lists, PROVINCE_MAPPING, old, "'" + to + "' is not in provinces-2025");
            }
        });
        provinceOfCommune.forEach((commune, province) -> {
            if (!communes.containsKey(commune)) {
                throw broken(lists, COMMUNE_PROVINCES, commune, "'" + commune + "' is not in communes-2025");
            }
            if (!provinces.containsKey(province)) {
                throw broken(lists, COMMUNE_PROVINCES, commune, "'" + province + "' is not in provinces-2025");
            }
        });
        communes.keySet().stream().filter(c -> !provinceOfCommune.containsKey(c)).findFirst().ifPresent(c -> {
            throw broken(lists, COMMUNE_PROVINCES, c, "commune '" + c + "' of communes-2025 has no province");
        });
    }

    private static StartupCheckException broken(CodeLists lists, String list, String code, String reason) {
        return new StartupCheckException(lists.fileOf(list) + ": /codes/" + code.replace("~", "~0").replace("/", "~1") + ": " + reason);
    }

    /** The 2025 communes {@code oldCommune} went to: one, several (split), or none (unmapped). */
    public List<String> targetsOf(String oldCommune) {
        return communeTargets.getOrDefault(oldCommune, List.of());
    }

    /** {@code held} as a form's address object; null when it has no province, commune or street. */
    JsonNode address(Held held, Consumer<String> flags) {
        if (held.province() == null && held.commune() == null && held.street() == null) {
            return null;
        }
        return isOld(held) ? converted(held, flags) : current(held, flags);
    }

    private boolean isOld(Held h) {
        if (h.district() != null) {
            return true;
        }
        if (h.commune() != null) {
            return !communes.containsKey(h.commune()) && oldCommunes.containsKey(h.commune());
        }
        return h.province() != null && !provinces.containsKey(h.province()) && oldProvinces.containsKey(h.province());
    }

    /** A record already in the units of 2025. */
    private JsonNode current(Held h, Consumer<String> flags) {
        String provinceName = provinces.get(h.province());
        String communeName = communes.get(h.commune());
        boolean unknown = h.province() != null && provinceName == null || h.commune() != null && communeName == null;
        if (unknown) {
            flags.accept(UNKNOWN);
        }
        String communeProvince = provinceOfCommune.get(h.commune());
        if (provinceName != null && communeProvince != null && !communeProvince.equals(h.province())) {
            flags.accept(PROVINCE_MISMATCH);
        }
        ObjectNode out = codes(h.province(), null, h.commune(), h.street(), country(h));
        text(out, h.street(), or(communeName, h.communeName()), null, or(provinceName, h.provinceName()));
        if (!wellFormed(h)) {
            out.set("legacy", legacy(h));
        }
        return out;
    }

    /** An old record: in the units of 2025 when the mapping knows its commune, kept as it is when not. */
    private JsonNode converted(Held h, Consumer<String> flags) {
        List<String> targets = h.commune() == null ? List.of() : targetsOf(h.commune());
        String province = provinceTargets.get(h.province());
        if (h.commune() != null && targets.isEmpty() || h.commune() == null && province == null) {
            flags.accept(UNKNOWN);
            ObjectNode asHeld = codes(h.province(), h.district(), h.commune(), h.street(), country(h));
            if (!wellFormed(h)) {
                asHeld.set("legacy", legacy(h));
            }
            return text(asHeld, h.street(), oldName(h.commune(), oldCommunes, h.communeName()),
                    oldName(h.district(), oldDistricts, h.districtName()), oldName(h.province(), oldProvinces, h.provinceName()));
        }
        if (h.province() != null && province == null) {
            flags.accept(UNKNOWN);
        }
        Set<String> targetProvinces = new LinkedHashSet<>();
        targets.forEach(t -> targetProvinces.add(provinceOfCommune.get(t)));
        if (province == null) {
            province = targetProvinces.size() == 1 ? targetProvinces.iterator().next() : null;
        } else if (!targetProvinces.isEmpty() && !Set.of(province).equals(targetProvinces)) {
            flags.accept(PROVINCE_MISMATCH);
        }
        flags.accept(CONVERTED);
        String commune = targets.size() == 1 ? targets.get(0) : null;
        ObjectNode out = codes(province, null, commune, h.street(), country(h));
        text(out, h.street(), communes.get(commune), null, provinces.get(province));
        out.set("legacy", legacy(h));
        if (targets.size() > 1) {
            flags.accept(AMBIGUOUS);
            ArrayNode candidates = out.putArray("candidates");
            targets.forEach(t -> candidates.addObject().put("communeCode", t).put("name", communes.get(t)));
        }
        return out;
    }

    /** The register's own address: its codes and its text in the units it was written in. */
    private ObjectNode legacy(Held h) {
        ObjectNode legacy = NODES.objectNode();
        putIfPresent(legacy, "provinceCode", h.province());
        putIfPresent(legacy, "districtCode", h.district());
        putIfPresent(legacy, "communeCode", h.commune());
        boolean old = isOld(h);
        ObjectNode rendered = text(NODES.objectNode(), h.street(),
                old ? oldName(h.commune(), oldCommunes, h.communeName()) : or(communes.get(h.commune()), h.communeName()),
                old ? oldName(h.district(), oldDistricts, h.districtName()) : null,
                old ? oldName(h.province(), oldProvinces, h.provinceName()) : or(provinces.get(h.province()), h.provinceName()));
        if (rendered.has("text")) {
            legacy.set("text", rendered.get("text"));
        }
        return legacy;
    }

    /**
     * The values a citizen may submit for a prefilled address and still have changed nothing: an ambiguous
     * address completed with one of its {@code candidates}. Empty for any other value.
     */
    public static List<JsonNode> completions(JsonNode prefilled) {
        if (prefilled == null || !prefilled.isObject() || prefilled.has("communeCode") || !prefilled.path("candidates").isArray()) {
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode candidate : prefilled.get("candidates")) {
            if (candidate.path("communeCode").isTextual()) {
                out.add(((ObjectNode) prefilled.deepCopy()).put("communeCode", candidate.get("communeCode").asText()));
            }
        }
        return out;
    }

    // ---- rendering

    /** Codes that cannot be codes (not the right number of digits) are left out, and kept under legacy. */
    private static ObjectNode codes(String province, String district, String commune, String street, String country) {
        ObjectNode out = NODES.objectNode();
        putIfPresent(out, "provinceCode", digits(province, 2) ? province : null);
        putIfPresent(out, "districtCode", digits(district, 3) ? district : null);
        putIfPresent(out, "communeCode", digits(commune, 5) ? commune : null);
        putIfPresent(out, "street", street);
        putIfPresent(out, "country", country);
        return out;
    }

    private static ObjectNode text(ObjectNode out, String... parts) {
        String joined = String.join(", ", Arrays.stream(parts).filter(p -> p != null).toList());
        putIfPresent(out, "text", joined.isEmpty() ? null : joined);
        return out;
    }

    private static boolean wellFormed(Held h) {
        return (h.province() == null || digits(h.province(), 2)) && (h.commune() == null || digits(h.commune(), 5));
    }

    private static boolean digits(String code, int length) {
        if (code == null || code.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (code.charAt(i) < '0' || code.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String country(Held h) {
        return h.country() != null ? h.country() : h.province() != null || h.commune() != null ? "VN" : null;
    }

    private static String oldName(String code, Map<String, String> list, String registerName) {
        return code == null ? null : or(list.get(code), registerName);
    }

    private static String or(String first, String second) {
        return first != null ? first : second;
    }

    private static void putIfPresent(ObjectNode out, String field, String value) {
        if (value != null) {
            out.put(field, value);
        }
    }
}

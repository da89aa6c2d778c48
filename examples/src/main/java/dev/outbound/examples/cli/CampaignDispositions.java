package dev.outbound.examples.cli;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.internal.Json;
import dev.outbound.core.lifecycle.DispositionRules;
import dev.outbound.core.lifecycle.WrapCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the {@code dispositions} section of a campaign file: the campaign's wrap codes and whether
 * an agent may pass a record to another one (Change user). {@code docs/campaign.md} describes it:
 *
 * <pre>{@code
 * "dispositions": {
 *   "allowChangeUser": true,
 *   "wrapCodes": [
 *     {"name": "Sale", "completes": true, "requiredFields": ["email", "plan"]},
 *     {"name": "Call again", "nextCall": "required"},
 *     {"name": "No decision"}
 *   ]
 * }
 * }</pre>
 *
 * A key it does not know, or a value of the wrong form, is refused with a
 * {@link CampaignFileException} naming the file and the setting's path.
 */
final class CampaignDispositions {
    static final List<String> KEYS = List.of("allowChangeUser", "wrapCodes");
    static final List<String> CODE_KEYS = List.of("name", "completes", "nextCall", "requiredFields");

    private CampaignDispositions() {
    }

    /**
     * @param file the campaign file's name, for messages
     * @param path the section's path in the file
     * @param value the section as {@link Json#parse} read it
     * @return the rules
     * @throws CampaignFileException naming the setting when the section is not as described
     */
    static DispositionRules read(String file, String path, Object value) {
        Map<String, Object> section = object(file, path, value, KEYS);
        DispositionRules.Builder b = DispositionRules.newBuilder();
        if (section.containsKey("allowChangeUser")) {
            b.allowChangeUser(bool(file, path + ".allowChangeUser", section.get("allowChangeUser")));
        }
        if (section.containsKey("wrapCodes")) {
            Object codes = section.get("wrapCodes");
            if (!(codes instanceof List<?> list)) {
                throw new CampaignFileException(file, path + ".wrapCodes", shown(codes)
                        + " is not an array (expected wrap codes such as [{\"name\": \"Sale\", \"completes\": true}])");
            }
            for (int i = 0; i < list.size(); i++) {
                String at = path + ".wrapCodes[" + i + "]";
                WrapCode code = code(file, at, list.get(i));
                try {
                    b.code(code);
                } catch (IllegalArgumentException e) {
                    throw new CampaignFileException(file, at + ".name", e.getMessage());
                }
            }
        }
        return b.build();
    }

    private static WrapCode code(String file, String path, Object value) {
        Map<String, Object> m = object(file, path, value, CODE_KEYS);
        if (!(m.get("name") instanceof String name)) {
            throw new CampaignFileException(file, path + ".name", m.containsKey("name") ? shown(m.get("name"))
                    + " is not a string (expected the wrap code's name)" : "missing (every wrap code needs a name)");
        }
        boolean completes = m.containsKey("completes") && bool(file, path + ".completes", m.get("completes"));
        WrapCode.NextCall nextCall = completes ? WrapCode.NextCall.FORBIDDEN : WrapCode.NextCall.OPTIONAL;
        if (m.containsKey("nextCall")) {
            Object v = m.get("nextCall");
            String expected = "one of optional, required, forbidden";
            if (!(v instanceof String s)) {
                throw new CampaignFileException(file, path + ".nextCall", shown(v) + " is not a string (expected "
                        + expected + ")");
            }
            try {
                nextCall = WrapCode.NextCall.valueOf(s.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CampaignFileException(file, path + ".nextCall", "\"" + s + "\" is not known (expected "
                        + expected + ")");
            }
        }
        List<String> required = new ArrayList<>();
        if (m.containsKey("requiredFields")) {
            Object v = m.get("requiredFields");
            if (!(v instanceof List<?> list)) {
                throw new CampaignFileException(file, path + ".requiredFields", shown(v)
                        + " is not an array (expected field names such as [\"email\"])");
            }
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof String f)) {
                    throw new CampaignFileException(file, path + ".requiredFields[" + i + "]", shown(list.get(i))
                            + " is not a string (expected a field name)");
                }
                required.add(f);
            }
        }
        try {
            return new WrapCode(name, completes, nextCall, required);
        } catch (InvalidValueException e) {
            throw new CampaignFileException(file, path, e.value() + " is not allowed for " + e.field() + " (expected "
                    + e.rule() + ")");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(String file, String path, Object value, List<String> known) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new CampaignFileException(file, path, shown(value) + " is not an object (expected { ... } with "
                    + String.join(", ", known) + ")");
        }
        for (Object key : map.keySet()) {
            if (!known.contains(key)) {
                throw new CampaignFileException(file, path + "." + key, "unknown setting (known: "
                        + String.join(", ", known) + ")");
            }
        }
        return (Map<String, Object>) map;
    }

    private static boolean bool(String file, String path, Object value) {
        if (!(value instanceof Boolean b)) {
            throw new CampaignFileException(file, path, shown(value) + " is not true or false");
        }
        return b;
    }

    private static String shown(Object value) {
        return value instanceof Map ? "an object" : value instanceof List ? "an array" : Json.write(value);
    }
}

package dev.outbound.csv.mapping;

import dev.outbound.core.phone.PhoneField;
import dev.outbound.csv.internal.HeaderNames;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@link ColumnMapping#auto} knows about header names: their normal form, the standard names
 * (the export's columns and the targets' own names) and the common synonyms.
 */
final class Headers {
    /** Columns that export writes for people and import ignores. */
    static final Set<String> EXPORT_ONLY = Set.of("timezonesource");

    private static final Map<String, Target> STANDARD = Map.of(
            "customerreferenceid", new Target.CustomerRef(),
            "agent", new Target.Agent(),
            "timezone", new Target.TimeZone(),
            "localtimezone", new Target.TimeZone(),
            "scheduledfor", new Target.ScheduledFor(),
            "region", new Target.Region(),
            "list", new Target.ListName(),
            "priority", new Target.Priority());

    private static final Map<String, Target> SYNONYMS = synonyms();

    /** Phone synonyms for the campaign's first phone field. */
    private static final Set<String> PHONE = Set.of("phone", "phonenumber", "telephone", "telephonenumber", "tel",
            "primary", "primaryphone", "primarynumber", "mainphone");
    /** Phone synonyms for the mobile field, or the first field when the campaign has no mobile field. */
    private static final Set<String> CELL = Set.of("cell", "cellphone", "cellnumber", "mobile", "mobilephone",
            "mobilenumber");

    private Headers() {
    }

    private static Map<String, Target> synonyms() {
        Map<String, Target> m = new HashMap<>();
        for (String s : List.of("customerkey", "customerref", "customerreference", "customerid", "referenceid")) {
            m.put(s, new Target.CustomerRef());
        }
        for (String s : List.of("agentemail", "assignedagent")) {
            m.put(s, new Target.Agent());
        }
        for (String s : List.of("tz", "zone", "ianatimezone", "timezoneid")) {
            m.put(s, new Target.TimeZone());
        }
        for (String s : List.of("scheduled", "scheduledat", "scheduledcallfor", "callat")) {
            m.put(s, new Target.ScheduledFor());
        }
        for (String s : List.of("country", "countryiso", "regionhint", "phoneregion")) {
            m.put(s, new Target.Region());
        }
        for (String s : List.of("listname", "listid", "leadlist")) {
            m.put(s, new Target.ListName());
        }
        m.put("prio", new Target.Priority());
        return Map.copyOf(m);
    }

    /**
     * The normal form: lower case, without white space, underscores and hyphens
     * ({@code "Customer Reference-ID"} becomes {@code customerreferenceid}).
     */
    static String normalise(String header) {
        return HeaderNames.normalise(header);
    }

    /** A header's standard name: the export's own column, so it outranks any synonym. */
    static Optional<Target> standard(String normal, List<PhoneField> phoneFields) {
        for (PhoneField field : phoneFields) {
            if (normalise(field.name()).equals(normal)) {
                return Optional.of(new Target.Phone(field));
            }
        }
        return Optional.ofNullable(STANDARD.get(normal));
    }

    /**
     * A header's synonym, with the rule in words. Phone fields: {@code <field>phone} and
     * {@code <field>number} name the field (homephone, worknumber); the {@link #PHONE} words the
     * first field; the {@link #CELL} words mobile if the campaign has it, else the first field.
     */
    static Optional<Target> synonym(String normal, List<PhoneField> phoneFields) {
        for (PhoneField field : phoneFields) {
            String name = normalise(field.name());
            if (normal.equals(name + "phone") || normal.equals(name + "number")) {
                return Optional.of(new Target.Phone(field));
            }
        }
        if (PHONE.contains(normal)) {
            return Optional.of(new Target.Phone(phoneFields.get(0)));
        }
        if (CELL.contains(normal)) {
            return Optional.of(new Target.Phone(phoneFields.contains(PhoneField.MOBILE) ? PhoneField.MOBILE
                    : phoneFields.get(0)));
        }
        return Optional.ofNullable(SYNONYMS.get(normal));
    }
}

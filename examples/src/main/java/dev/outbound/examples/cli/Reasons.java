package dev.outbound.examples.cli;

import dev.outbound.core.compliance.CallVerdict;
import dev.outbound.core.compliance.HoursSource;
import dev.outbound.core.compliance.Refusal;
import dev.outbound.core.dnc.DncDecision;
import dev.outbound.core.internal.Json;
import dev.outbound.core.lifecycle.DialCheck;
import dev.outbound.core.lifecycle.DialReason;
import dev.outbound.core.record.RecordPhone;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The categories {@code plan} counts held records under and {@code explain} labels reasons with:
 * one per kind of {@link DialReason}, except that a refused number is split by the kinds of
 * {@link Refusal} the calling policy gave (Do-Not-Call, window, unknown zone, ...).
 */
final class Reasons {
    /**
     * Every category, in the order a record's primary reason is chosen among those it has within
     * each group (see {@link #primary}).
     */
    static final List<String> CATEGORIES = List.of(
            // Record reasons that time alone does not lift.
            "status_not_dialable", "callback_expired", "list_disabled", "no_number", "attempts_exhausted",
            // Number refusals.
            "dnc", "number_not_active", "zone_unknown", "closed_date", "outside_hours", "region_call_cap",
            // Record reasons that time lifts.
            "not_due", "call_cap", "abandon_quiet_period", "reserved_for_agent");

    private Reasons() {
    }

    /** @return the category of a reason that is not a refused number */
    static String category(DialReason r) {
        if (r instanceof DialReason.NotDue) {
            return "not_due";
        } else if (r instanceof DialReason.StatusNotDialable) {
            return "status_not_dialable";
        } else if (r instanceof DialReason.ListDisabled) {
            return "list_disabled";
        } else if (r instanceof DialReason.NoNumber) {
            return "no_number";
        } else if (r instanceof DialReason.AttemptsExhausted) {
            return "attempts_exhausted";
        } else if (r instanceof DialReason.CallCapReached) {
            return "call_cap";
        } else if (r instanceof DialReason.AbandonQuietPeriod) {
            return "abandon_quiet_period";
        } else if (r instanceof DialReason.ReservedForAgent) {
            return "reserved_for_agent";
        } else if (r instanceof DialReason.CallbackExpired) {
            return "callback_expired";
        }
        throw new IllegalArgumentException("a refused number has a category per refusal: " + r);
    }

    /** @return the category of a refusal of the calling policy */
    static String category(Refusal r) {
        if (r instanceof Refusal.DoNotCall) {
            return "dnc";
        } else if (r instanceof Refusal.NumberNotActive) {
            return "number_not_active";
        } else if (r instanceof Refusal.ZoneUnknown) {
            return "zone_unknown";
        } else if (r instanceof Refusal.OutsideHours) {
            return "outside_hours";
        } else if (r instanceof Refusal.ClosedDate) {
            return "closed_date";
        }
        return "region_call_cap";
    }

    /** @return every category a reason falls under: one, or for a refused number one per kind of refusal */
    static List<String> categories(DialReason r) {
        if (!(r instanceof DialReason.NumberRefused refused)) {
            return List.of(category(r));
        }
        List<String> out = new ArrayList<>();
        for (Refusal x : refused.verdict().reasons()) {
            String c = category(x);
            if (!out.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * The one reason a held record is counted under. A reason time does not lift outranks one it
     * does, and a record's own reason outranks its numbers'; so the first that applies of:
     * <ol>
     * <li>the first record reason that time does not lift (status, expired callback, disabled list,
     *     no number, attempts);</li>
     * <li>when every number is refused and none opens by time alone: the first refusal of the
     *     first number;</li>
     * <li>the first record reason that time lifts (not due, cap, quiet period, reservation);</li>
     * <li>the first refusal of the number that opens soonest.</li>
     * </ol>
     * Refusals of a number are ranked in {@link #CATEGORIES} order, so a number both on a
     * Do-Not-Call list and outside its window counts as {@code dnc}.
     *
     * @param check a check of a record that is not dialable
     * @return its primary category
     */
    static String primary(DialCheck check) {
        List<DialReason.NumberRefused> numbers = check.reasons(DialReason.NumberRefused.class);
        String permanent = null;
        String temporary = null;
        for (DialReason r : check.reasons()) {
            if (r instanceof DialReason.NumberRefused) {
                continue;
            }
            String c = category(r);
            if (r.liftsAt().isEmpty()) {
                permanent = first(permanent, c);
            } else {
                temporary = first(temporary, c);
            }
        }
        if (permanent != null) {
            return permanent;
        }
        DialReason.NumberRefused soonest = null;
        for (DialReason.NumberRefused n : numbers) {
            if (n.liftsAt().isPresent()
                    && (soonest == null || n.liftsAt().get().isBefore(soonest.liftsAt().orElseThrow()))) {
                soonest = n;
            }
        }
        // Only when every number is refused for good do the numbers hold the record whatever the time.
        if (soonest == null && !numbers.isEmpty() && numbers.size() == check.record().phones().size()) {
            return firstOf(categories(numbers.get(0)));
        }
        if (temporary != null) {
            return temporary;
        }
        if (soonest != null) {
            return firstOf(categories(soonest));
        }
        if (!numbers.isEmpty()) {
            return firstOf(categories(numbers.get(0)));
        }
        throw new IllegalArgumentException("record " + check.record().ref() + " is dialable at " + check.at());
    }

    private static String first(String a, String b) {
        return a == null || CATEGORIES.indexOf(b) < CATEGORIES.indexOf(a) ? b : a;
    }

    private static String firstOf(List<String> categories) {
        String out = null;
        for (String c : categories) {
            out = first(out, c);
        }
        return out;
    }

    /** @return a check as JSON values: dialable, the number, every reason with its evidence, when next */
    static Map<String, Object> toJson(DialCheck check, Optional<DialCheck> atNext) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", check.record().ref().value());
        out.put("campaign", check.record().campaign().value());
        out.put("at", check.at().toString());
        out.put("dialable", check.isDialable());
        out.put("number", check.number().<Object>map(Reasons::phone).orElse(Json.NULL));
        if (!check.isDialable()) {
            out.put("primary_reason", primary(check));
        }
        List<Object> reasons = new ArrayList<>();
        for (DialReason r : check.reasons()) {
            reasons.add(reason(r));
        }
        out.put("reasons", reasons);
        out.put("next", check.next().<Object>map(Instant::toString).orElse(Json.NULL));
        out.put("next_number", atNext.flatMap(DialCheck::number).<Object>map(Reasons::phone).orElse(Json.NULL));
        return out;
    }

    private static Map<String, Object> reason(DialReason r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("categories", new ArrayList<Object>(categories(r)));
        m.put("text", r.describe());
        m.put("lifts_at", r.liftsAt().<Object>map(Instant::toString).orElse(Json.NULL));
        if (r instanceof DialReason.NumberRefused refused) {
            m.put("phone", phone(refused.phone()));
            CallVerdict.Refused v = refused.verdict();
            List<Object> refusals = new ArrayList<>();
            for (Refusal x : v.reasons()) {
                refusals.add(refusal(x));
            }
            m.put("refusals", refusals);
        }
        return m;
    }

    private static Map<String, Object> refusal(Refusal r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("category", category(r));
        m.put("text", r.describe());
        if (r instanceof Refusal.OutsideHours h) {
            m.put("zone", h.zone().getId());
            m.put("local_time", h.localTime().toString());
            HoursSource source = h.source();
            m.put("hours_source", source.describe());
            m.put("hours", source.hours().toString());
        } else if (r instanceof Refusal.ClosedDate c) {
            m.put("zone", c.zone().getId());
            m.put("date", c.date().toString());
        } else if (r instanceof Refusal.DoNotCall d) {
            if (d.decision() instanceof DncDecision.Listed listed) {
                m.put("list", listed.list().name());
                m.put("entry", listed.entry().key().toString());
            } else if (d.decision() instanceof DncDecision.NotAllowListed notListed) {
                m.put("list", notListed.list().name());
            }
        } else if (r instanceof Refusal.ZoneUnknown z) {
            m.put("tried", new ArrayList<Object>(z.tried()));
        }
        return m;
    }

    static Map<String, Object> phone(RecordPhone p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("field", p.field().name());
        m.put("number", p.number().e164());
        return m;
    }
}

package dev.outbound.core.lifecycle;

import dev.outbound.core.field.CustomFields;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.Callback;
import dev.outbound.core.record.Record;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A campaign's dispositions: its {@link WrapCode}s and whether an agent may pass a record to
 * another one (seed 001's Change user, a queue setting, off by default). Part of the campaign's
 * {@link DialingRules}; {@link #none()} (no wrap codes, Change user off) keeps dispositions free:
 * any wrap code or none, a next call or not.
 *
 * <p>When the campaign defines wrap codes, a disposition must choose one of them, and
 * {@link #check} gives every way it breaks the chosen code's rules at once; {@link Lifecycle#dispose}
 * refuses such a disposition with a {@link DispositionRefusedException}. Immutable.
 */
public final class DispositionRules {
    private static final DispositionRules NONE = new DispositionRules(Map.of(), false);

    /** The codes by lower-case name, in the order given. */
    private final Map<String, WrapCode> codes;
    private final boolean allowChangeUser;
    /** The first code needing no field and no next call, if any: what {@link #plain} saves. */
    private final Optional<WrapCode> plainCode;

    private DispositionRules(Map<String, WrapCode> codes, boolean allowChangeUser) {
        this.codes = codes;
        this.allowChangeUser = allowChangeUser;
        this.plainCode = codes.values().stream()
                .filter(c -> c.requiredFields().isEmpty() && c.nextCall() != WrapCode.NextCall.REQUIRED)
                .findFirst();
    }

    /** @return no wrap codes and Change user off: the default of {@link DialingRules} */
    public static DispositionRules none() {
        return NONE;
    }

    /** @return a builder with no wrap codes and Change user off */
    public static Builder newBuilder() {
        return new Builder();
    }

    /** @return the campaign's wrap codes, in the order given; empty when it defines none */
    public List<WrapCode> codes() {
        return List.copyOf(codes.values());
    }

    /**
     * @param name a wrap code's name, in any case
     * @return the campaign's code of that name, if it has one
     */
    public Optional<WrapCode> code(String name) {
        return Optional.ofNullable(codes.get(Objects.requireNonNull(name, "name").toLowerCase(Locale.ROOT)));
    }

    /**
     * The disposition an agent who fills nothing in can save: the campaign's first wrap code that
     * requires no field and no next call, or no wrap code at all when the campaign defines none.
     * What simulated agents save.
     *
     * @param at when it is saved
     * @param agent who saves it
     * @return that disposition, or empty when every wrap code of the campaign requires a field
     *     or a next call
     */
    public Optional<Disposition> plain(java.time.Instant at, AgentEmail agent) {
        Disposition none = Disposition.of(at, agent);
        if (codes.isEmpty()) {
            return Optional.of(none);
        }
        return plainCode.map(c -> none.withWrapCode(c.name()));
    }

    /**
     * @return whether an agent who fills nothing in can save ({@link #plain} is not empty): the
     *     campaign defines no wrap codes, or one that requires no field and no next call
     */
    public boolean allowsPlain() {
        return codes.isEmpty() || plainCode.isPresent();
    }

    /** @return whether an agent may pass a record to another one (seed 001's Change user) */
    public boolean allowChangeUser() {
        return allowChangeUser;
    }

    /**
     * Every way a disposition breaks these rules, for a record: no wrap code or an unknown one
     * (when the campaign defines codes), a next call missing where the code requires one or set
     * where it forbids one, each required field with no value once the form's values are set on
     * the record, a change of user the campaign does not allow, and a next call for another agent
     * than the one the record is passed to. Pure; the record's status is not looked at.
     *
     * @param record the record the disposition is for
     * @param disposition what the agent saved
     * @return the problems in that order; empty when the disposition may be saved
     */
    public List<DispositionProblem> check(Record record, Disposition disposition) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(disposition, "disposition");
        List<DispositionProblem> problems = new ArrayList<>();
        Optional<WrapCode> chosen = Optional.empty();
        if (!codes.isEmpty()) {
            if (disposition.wrapCode().isEmpty()) {
                problems.add(new DispositionProblem(DispositionProblem.Kind.WRAP_CODE_REQUIRED, "wrapCode",
                        "a wrap code is required (one of " + names() + ")"));
            } else {
                String name = disposition.wrapCode().get();
                chosen = code(name);
                if (chosen.isEmpty()) {
                    problems.add(new DispositionProblem(DispositionProblem.Kind.UNKNOWN_WRAP_CODE, name,
                            "wrap code '" + name + "' is not one of the campaign's (" + names() + ")"));
                }
            }
        }
        if (chosen.isPresent()) {
            WrapCode code = chosen.get();
            if (code.nextCall() == WrapCode.NextCall.REQUIRED && disposition.nextCall().isEmpty()) {
                problems.add(new DispositionProblem(DispositionProblem.Kind.NEXT_CALL_REQUIRED, code.name(),
                        "next call is required by wrap code '" + code.name() + "'"));
            }
            if (code.nextCall() == WrapCode.NextCall.FORBIDDEN && disposition.nextCall().isPresent()) {
                problems.add(new DispositionProblem(DispositionProblem.Kind.NEXT_CALL_FORBIDDEN, code.name(),
                        "next call is not allowed with wrap code '" + code.name() + "', which "
                                + (code.completes() ? "completes the record" : "hands the record back to the dialer")));
            }
            CustomFields filled = disposition.fieldsOf(record);
            for (String field : code.requiredFields()) {
                if (!filled.has(field)) {
                    problems.add(new DispositionProblem(DispositionProblem.Kind.FIELD_REQUIRED, field,
                            "field '" + field + "' is required by wrap code '" + code.name() + "'"));
                }
            }
        }
        if (disposition.newUser().isPresent()) {
            AgentEmail to = disposition.newUser().get();
            if (!allowChangeUser) {
                problems.add(new DispositionProblem(DispositionProblem.Kind.CHANGE_USER_NOT_ALLOWED, "newUser",
                        "the campaign does not allow passing a record to another agent (Change user), asked for "
                                + to));
            } else {
                Optional<AgentEmail> callbackAgent = disposition.nextCall().flatMap(Callback::agent);
                if (callbackAgent.isPresent() && !callbackAgent.get().equals(to)) {
                    problems.add(new DispositionProblem(DispositionProblem.Kind.CALLBACK_AGENT_MISMATCH, "nextCall",
                            "the next call is for " + callbackAgent.get() + " but the record is passed to " + to));
                }
            }
        }
        return problems;
    }

    private String names() {
        return String.join(", ", codes.values().stream().map(WrapCode::name).toList());
    }

    @Override
    public String toString() {
        return "DispositionRules[codes=" + codes.values() + ", allowChangeUser=" + allowChangeUser + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DispositionRules other && other.allowChangeUser == allowChangeUser
                && List.copyOf(other.codes.values()).equals(List.copyOf(codes.values()));
    }

    @Override
    public int hashCode() {
        return Objects.hash(List.copyOf(codes.values()), allowChangeUser);
    }

    /** Builds {@link DispositionRules}; a code named twice (regardless of case) is refused. */
    public static final class Builder {
        private final LinkedHashMap<String, WrapCode> codes = new LinkedHashMap<>();
        private boolean allowChangeUser;

        private Builder() {
        }

        /**
         * @param code a wrap code; its name unique regardless of case
         * @return this builder
         */
        public Builder code(WrapCode code) {
            Objects.requireNonNull(code, "code");
            WrapCode before = codes.putIfAbsent(code.name().toLowerCase(Locale.ROOT), code);
            if (before != null) {
                throw new IllegalArgumentException("wrap code '" + code.name() + "' is already defined as '"
                        + before.name() + "'");
            }
            return this;
        }

        /**
         * @param allow whether an agent may pass a record to another one; default false
         * @return this builder
         */
        public Builder allowChangeUser(boolean allow) {
            this.allowChangeUser = allow;
            return this;
        }

        /** @return the rules */
        public DispositionRules build() {
            return new DispositionRules(java.util.Collections.unmodifiableMap(new LinkedHashMap<>(codes)),
                    allowChangeUser);
        }
    }
}

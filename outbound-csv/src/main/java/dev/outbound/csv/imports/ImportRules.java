package dev.outbound.csv.imports;

import dev.outbound.core.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What an import does to the store, side by side with the file (seed 003's import, update and
 * merge rules; seed 002's reset of status and agent for duplicated customers). A row's customer
 * reference id either is new to the campaign ({@link #newContacts}), or names a stored record
 * ({@link #both}); the campaign's records that no accepted row named are the store-only side
 * ({@link #storeOnly}).
 *
 * <p>The statuses of seed 003 are ours as {@code docs/statuses.md} maps them: "Remaining" is
 * {@code PENDING}, "Processing" {@code PROCESSING}, "Callback" {@code RESCHEDULED_BY_AGENT},
 * "Inactive" {@code INACTIVE}. A record a dialer holds (under a lease) is never changed by any
 * rule: a row that would change it counts as unchanged with a {@code RECORD_IN_CALL} warning, and
 * a store-only record is counted as skipped.
 *
 * <p>Invariant: {@link #resetStatus} and {@link #resetAgent} are set only with
 * {@link MergeRule#UPDATE}, the one rule that writes the file's data into a stored record and
 * keeps its status and agent. With {@code ACTIVATE} a reset would undo what activate protects (a
 * callback), and the other rules either write a fresh record or leave the data alone.
 *
 * @param newContacts what a row does whose key the store does not hold
 * @param storeOnly what happens, after a complete and uncancelled run, to the campaign's records
 *     that no accepted row named
 * @param both what a row does whose key the store holds
 * @param resetStatus with {@link MergeRule#UPDATE}: the stored record goes back to
 *     {@code PENDING} ("New" in seed 002) as a manual status change does (attempt counter reset,
 *     done reason, reason code and callback cleared) and is due at once
 * @param resetAgent with {@link MergeRule#UPDATE}: the stored record's agent is dropped (seed 002:
 *     "duplicated customers will get un-assigned"); it takes the row's agent if the row names one
 */
public record ImportRules(ImportRule newContacts, UpdateRule storeOnly, MergeRule both, boolean resetStatus,
        boolean resetAgent) {

    /** Seed 003's import rule: what a row for a contact the store does not hold does. */
    public enum ImportRule {
        /** Seed 003 "Append": the row's record is written, {@code PENDING}; the row is imported. */
        APPEND,
        /**
         * Seed 003 "Do nothing": the row's record is not written; the row counts as unchanged with
         * the warning {@code NOT_APPENDED}.
         */
        DO_NOTHING
    }

    /**
     * Seed 003's update rule: what happens to the campaign's records no accepted row named. Applied
     * only after a run that read the whole file, was not cancelled and did not fail, so a partial
     * file never changes records it might have named.
     */
    public enum UpdateRule {
        /** Seed 003 "Do nothing": the records stay as they are. */
        DO_NOTHING,
        /**
         * Seed 003 "Activate (contact)": a record becomes {@code PENDING}, as a manual status
         * change (attempt counter reset), unless it is {@code PENDING}, {@code PROCESSING} or
         * {@code RESCHEDULED_BY_AGENT}. Counted as {@code storeOnlyActivated}.
         */
        ACTIVATE,
        /**
         * Seed 003 "Activate (contact, phone)": as {@link #ACTIVATE}, and also every number becomes
         * {@code ACTIVE} unless it is {@code BLOCKED} or {@code EXCLUDED}, and every number's retry
         * count goes back to 0. The numbers of a {@code PENDING} or {@code RESCHEDULED_BY_AGENT}
         * record are activated too (its status is kept); a {@code PROCESSING} record, in a call,
         * is left whole. Counted as {@code storeOnlyActivated}.
         */
        ACTIVATE_WITH_PHONES,
        /**
         * Seed 003 "Inactivate": a record becomes {@code INACTIVE}, as a manual status change,
         * unless it is {@code INACTIVE}, {@code PROCESSING} or {@code RESCHEDULED_BY_AGENT}. The
         * seed's option table repeats the text of "Activate (contact, phone)" for this option, a
         * copy slip; its Notes are followed here. Counted as {@code storeOnlyInactivated}.
         */
        INACTIVATE,
        /**
         * Seed 003 "Delete" (and seed 000's replace): the records are deleted with their history,
         * whatever their status. Counted as {@code deleted}.
         */
        DELETE
    }

    /** Seed 003's merge rule: what a row whose key the store holds does to the stored record. */
    public enum MergeRule {
        /** Seed 003 "Do nothing", {@link OnExisting#SKIP}: the stored record is kept; unchanged. */
        DO_NOTHING,
        /**
         * Seed 002's "Update" (seed 003's "Append" into an existing contact): the stored record
         * takes the row's numbers, custom fields, time zone, scheduled-for time and agent (a row
         * without an agent keeps the stored one) and keeps its status, dialing progress (attempt
         * counters, recent calls, next dialable time, a callback and its time), priority, list,
         * creation time and history. A number the record already had in the same phone field
         * keeps its state and retry count; a new or changed number is active with no retries, as
         * an edit makes it. The row counts as updated when the record changed, unchanged when it
         * was already so; a {@code PROCESSING} record (in a call) is left with a
         * {@code RECORD_IN_CALL} warning, since the call's outcome would overwrite the update.
         * {@link ImportRules#resetStatus} and {@link ImportRules#resetAgent} apply here.
         */
        UPDATE,
        /**
         * Seed 003 "Replace", {@link OnExisting#OVERWRITE}: the stored record is replaced by the
         * row's, {@code PENDING} with no progress (the history stays); updated.
         */
        REPLACE,
        /** {@link UpdateRule#ACTIVATE} for the stored record; updated when it changed, else unchanged. */
        ACTIVATE,
        /** {@link UpdateRule#ACTIVATE_WITH_PHONES} for the stored record; updated when it changed, else unchanged. */
        ACTIVATE_WITH_PHONES,
        /** {@link UpdateRule#INACTIVATE} for the stored record; updated when it changed, else unchanged. */
        INACTIVATE,
        /**
         * Seed 003 "Delete": the stored record is deleted with its history, whatever its status;
         * the row counts as updated (the store changed) and its record is not written.
         */
        DELETE
    }

    private static final ImportRules DEFAULTS = new ImportRules(ImportRule.APPEND, UpdateRule.DO_NOTHING,
            MergeRule.DO_NOTHING, false, false);

    /**
     * Checks the components.
     *
     * @param newContacts the import rule
     * @param storeOnly the update rule
     * @param both the merge rule
     * @param resetStatus whether a stored record met under {@code UPDATE} goes back to {@code PENDING}
     * @param resetAgent whether a stored record met under {@code UPDATE} loses its agent
     * @throws InvalidValueException when a reset is set with a merge rule other than {@code UPDATE}
     */
    public ImportRules {
        Objects.requireNonNull(newContacts, "newContacts");
        Objects.requireNonNull(storeOnly, "storeOnly");
        Objects.requireNonNull(both, "both");
        if ((resetStatus || resetAgent) && both != MergeRule.UPDATE) {
            List<String> resets = new ArrayList<>();
            if (resetStatus) {
                resets.add("resetStatus");
            }
            if (resetAgent) {
                resets.add("resetAgent");
            }
            throw new InvalidValueException("import rules", "resetStatus and resetAgent only with merge rule UPDATE",
                    String.join(" and ", resets) + " with merge rule " + both);
        }
    }

    /**
     * @return append new contacts, leave store-only records, leave stored records as they are
     *     (seed 000's default: skip the duplicates, append)
     */
    public static ImportRules defaults() {
        return DEFAULTS;
    }

    /**
     * @param newContacts the import rule
     * @param storeOnly the update rule
     * @param both the merge rule
     * @return the rules, without resets
     */
    public static ImportRules of(ImportRule newContacts, UpdateRule storeOnly, MergeRule both) {
        return new ImportRules(newContacts, storeOnly, both, false, false);
    }

    /**
     * Seed 000's two choices as rules.
     *
     * @param onExisting {@code SKIP} is merge rule {@code DO_NOTHING}, {@code OVERWRITE} is {@code REPLACE}
     * @param replace whether store-only records are deleted (update rule {@code DELETE}) or left
     * @return the rules, appending new contacts
     */
    public static ImportRules of(OnExisting onExisting, boolean replace) {
        Objects.requireNonNull(onExisting, "onExisting");
        return of(ImportRule.APPEND, replace ? UpdateRule.DELETE : UpdateRule.DO_NOTHING,
                onExisting == OnExisting.OVERWRITE ? MergeRule.REPLACE : MergeRule.DO_NOTHING);
    }

    /** @return a builder starting from {@link #defaults()} */
    public static Builder newBuilder() {
        return new Builder(DEFAULTS);
    }

    /**
     * @param base the rules to start from
     * @return a builder starting from them
     */
    public static Builder newBuilder(ImportRules base) {
        return new Builder(Objects.requireNonNull(base, "base"));
    }

    /**
     * Whether a row's outcome follows from one upsert, without reading the store first: appending
     * new contacts, and skipping or replacing stored ones.
     */
    boolean upsertOnly() {
        return newContacts == ImportRule.APPEND && (both == MergeRule.DO_NOTHING || both == MergeRule.REPLACE);
    }

    /**
     * Builds {@link ImportRules}; the resets are checked against the merge rule at {@link #build()},
     * so the options may be set in any order. Not thread-safe.
     */
    public static final class Builder {
        private ImportRule newContacts;
        private UpdateRule storeOnly;
        private MergeRule both;
        private boolean resetStatus;
        private boolean resetAgent;

        private Builder(ImportRules base) {
            newContacts = base.newContacts;
            storeOnly = base.storeOnly;
            both = base.both;
            resetStatus = base.resetStatus;
            resetAgent = base.resetAgent;
        }

        /**
         * @param rule the import rule, for rows whose key the store does not hold
         * @return this builder
         */
        public Builder newContacts(ImportRule rule) {
            newContacts = Objects.requireNonNull(rule, "rule");
            return this;
        }

        /**
         * @param rule the update rule, for the campaign's records no accepted row named
         * @return this builder
         */
        public Builder storeOnly(UpdateRule rule) {
            storeOnly = Objects.requireNonNull(rule, "rule");
            return this;
        }

        /**
         * @param rule the merge rule, for rows whose key the store holds
         * @return this builder
         */
        public Builder both(MergeRule rule) {
            both = Objects.requireNonNull(rule, "rule");
            return this;
        }

        /**
         * @param on whether a stored record met under {@code UPDATE} goes back to {@code PENDING}
         * @return this builder
         */
        public Builder resetStatus(boolean on) {
            resetStatus = on;
            return this;
        }

        /**
         * @param on whether a stored record met under {@code UPDATE} loses its agent
         * @return this builder
         */
        public Builder resetAgent(boolean on) {
            resetAgent = on;
            return this;
        }

        /**
         * @return the rules
         * @throws InvalidValueException when a reset is set with a merge rule other than {@code UPDATE}
         */
        public ImportRules build() {
            return new ImportRules(newContacts, storeOnly, both, resetStatus, resetAgent);
        }
    }
}

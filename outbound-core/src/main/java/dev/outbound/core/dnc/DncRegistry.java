package dev.outbound.core.dnc;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.phone.PhoneNumber;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A campaign's view of the Do-Not-Call lists: the global lists that apply to every campaign plus
 * the campaign's own, combined into one decision per number.
 *
 * <p>Decision order: the first block list (global lists first, each in the order given) with an
 * entry for the number or customer gives {@link DncDecision.Listed}, carrying that entry; else the
 * first allow list that contains neither gives {@link DncDecision.NotAllowListed}; else
 * {@link DncDecision.Clear}. The registry holds the lists, not copies: changes to a list show in
 * the next check. Checks are safe from any number of threads and allocate nothing unless a block
 * list matches.
 */
public final class DncRegistry {

    private final List<DncList> globalLists;
    private final List<DncList> campaignLists;
    private final DncList[] blockLists;
    private final DncList[] allowLists;
    private final DncDecision.NotAllowListed[] notAllowListed;

    private DncRegistry(List<DncList> globalLists, List<DncList> campaignLists) {
        this.globalLists = List.copyOf(globalLists);
        this.campaignLists = List.copyOf(campaignLists);
        List<DncList> block = new ArrayList<>();
        List<DncList> allow = new ArrayList<>();
        for (List<DncList> lists : List.of(this.globalLists, this.campaignLists)) {
            for (DncList list : lists) {
                (list.mode() == DncList.Mode.BLOCK ? block : allow).add(list);
            }
        }
        blockLists = block.toArray(new DncList[0]);
        allowLists = allow.toArray(new DncList[0]);
        notAllowListed = new DncDecision.NotAllowListed[allowLists.length];
        for (int i = 0; i < allowLists.length; i++) {
            notAllowListed[i] = new DncDecision.NotAllowListed(allowLists[i]);
        }
    }

    /** @return a builder with no lists: its registry clears every number until lists are added */
    public static Builder newBuilder() {
        return new Builder();
    }

    /** @return the global lists, in check order */
    public List<DncList> globalLists() {
        return globalLists;
    }

    /** @return the campaign's lists, in check order (after the global ones) */
    public List<DncList> campaignLists() {
        return campaignLists;
    }

    /**
     * Whether any list is in {@link DncList.Mode#ALLOW} mode. Without allow lists a number that is
     * clear stays clear as time passes (block entries only lapse), which callers searching ahead use.
     *
     * @return whether the registry holds an allow list
     */
    public boolean hasAllowLists() {
        return allowLists.length > 0;
    }

    /**
     * Decides whether the lists let a number be dialled at an instant.
     *
     * @param number the number to dial
     * @param customerRef the reference of the customer the number belongs to, or {@code ""}
     * @param at the instant of the call; entries expiring at or before it do not count
     * @return the decision, with the list (and entry) responsible
     */
    public DncDecision check(PhoneNumber number, String customerRef, Instant at) {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(customerRef, "customerRef");
        Objects.requireNonNull(at, "at");
        long digits = number.digits();
        int length = number.e164().length() - 1;
        long atSecond = at.getEpochSecond();
        for (DncList list : blockLists) {
            DncStore.Hit hit = list.lookup(digits, length, customerRef, atSecond);
            if (hit != DncStore.Hit.MISS) {
                return new DncDecision.Listed(list, hit.toEntry(number));
            }
        }
        for (int i = 0; i < allowLists.length; i++) {
            if (allowLists[i].lookup(digits, length, customerRef, atSecond) == DncStore.Hit.MISS) {
                return notAllowListed[i];
            }
        }
        return DncDecision.Clear.INSTANCE;
    }

    /** @return the lists, for logs */
    @Override
    public String toString() {
        return "DncRegistry[global=" + globalLists + ", campaign=" + campaignLists + "]";
    }

    /** Collects the lists of a registry. A list may appear once only. */
    public static final class Builder {
        private final List<DncList> global = new ArrayList<>();
        private final List<DncList> campaign = new ArrayList<>();
        private final Map<DncList, Boolean> seen = new IdentityHashMap<>();

        private Builder() {
        }

        /**
         * Adds lists that apply to every campaign; they are checked before the campaign's.
         *
         * @param lists the lists, in check order
         * @return this builder
         */
        public Builder global(DncList... lists) {
            addTo(global, lists);
            return this;
        }

        /**
         * Adds the campaign's own lists.
         *
         * @param lists the lists, in check order
         * @return this builder
         */
        public Builder campaign(DncList... lists) {
            addTo(campaign, lists);
            return this;
        }

        private void addTo(List<DncList> target, DncList[] lists) {
            Objects.requireNonNull(lists, "lists");
            List<DncList> toAdd = new ArrayList<>();
            Collections.addAll(toAdd, lists);
            // Check all first, so that a refused call leaves the builder as it was.
            Map<DncList, Boolean> inThisCall = new IdentityHashMap<>();
            for (DncList list : toAdd) {
                Objects.requireNonNull(list, "list");
                if (seen.containsKey(list) || inThisCall.put(list, Boolean.TRUE) != null) {
                    throw new InvalidValueException("lists", "each list at most once in a registry",
                            "'" + list.name() + "' given twice");
                }
            }
            seen.putAll(inThisCall);
            target.addAll(toAdd);
        }

        /** @return the registry */
        public DncRegistry build() {
            return new DncRegistry(global, campaign);
        }
    }
}

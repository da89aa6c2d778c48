package dev.outbound.core.dnc;

import java.util.Objects;

/**
 * What the Do-Not-Call lists say about dialling a number: {@link Clear}, {@link Listed} on a
 * block list (with the entry as evidence), or {@link NotAllowListed} because an allow list does
 * not contain it.
 */
public sealed interface DncDecision permits DncDecision.Clear, DncDecision.Listed, DncDecision.NotAllowListed {

    /** @return {@code true} only for {@link Clear}: no list stands in the way of the call */
    boolean mayDial();

    /** @return the decision that no list stands in the way */
    static Clear clear() {
        return Clear.INSTANCE;
    }

    /** No block list matches, and every allow list contains the number or customer. */
    record Clear() implements DncDecision {
        static final Clear INSTANCE = new Clear();

        @Override
        public boolean mayDial() {
            return true;
        }
    }

    /**
     * A block list holds an entry that applies to the number or customer.
     *
     * @param list the block list
     * @param entry the matching entry, with its source, reason and expiry
     */
    record Listed(DncList list, DncEntry entry) implements DncDecision {
        /**
         * Requires both parts.
         *
         * @param list the block list
         * @param entry the matching entry, with its source, reason and expiry
         */
        public Listed {
            Objects.requireNonNull(list, "list");
            Objects.requireNonNull(entry, "entry");
        }

        @Override
        public boolean mayDial() {
            return false;
        }
    }

    /**
     * An allow list exists and neither the number nor the customer is on it (or the entry that
     * was has expired).
     *
     * @param list the allow list that does not contain the number
     */
    record NotAllowListed(DncList list) implements DncDecision {
        /**
         * Requires the list.
         *
         * @param list the allow list that does not contain the number
         */
        public NotAllowListed {
            Objects.requireNonNull(list, "list");
        }

        @Override
        public boolean mayDial() {
            return false;
        }
    }
}

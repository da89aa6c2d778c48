package dev.outbound.core.lifecycle;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.record.ListId;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The lists of a campaign (seed 001's databases, seed 004's lead lists): which are enabled for
 * dialing and, with weighting on, how calls are shared among them. A list the campaign does not
 * name is enabled with the default weight.
 */
public final class CampaignLists {
    /** The weight a list has unless set (seed 004: lists enabled to dial are set to 100). */
    public static final int DEFAULT_WEIGHT = 100;
    /** The largest weight. */
    public static final int MAX_WEIGHT = 10_000;

    private static final CampaignLists ALL_ENABLED = new CampaignLists(Map.of(), Map.of(), false);

    private final Map<ListId, Boolean> enabled;
    private final Map<ListId, Integer> weights;
    private final boolean weighted;

    private CampaignLists(Map<ListId, Boolean> enabled, Map<ListId, Integer> weights, boolean weighted) {
        this.enabled = enabled;
        this.weights = weights;
        this.weighted = weighted;
    }

    /** @return every list enabled, weighting off */
    public static CampaignLists allEnabled() {
        return ALL_ENABLED;
    }

    /** @return a builder */
    public static Builder newBuilder() {
        return new Builder();
    }

    /**
     * @param list a list
     * @return whether its records may be dialled
     */
    public boolean isEnabled(ListId list) {
        return enabled.getOrDefault(list, Boolean.TRUE);
    }

    /**
     * @param list a list
     * @return its weight, {@value #DEFAULT_WEIGHT} unless set
     */
    public int weight(ListId list) {
        return weights.getOrDefault(list, DEFAULT_WEIGHT);
    }

    /** @return whether lists share calls by weight; otherwise the load order alone decides */
    public boolean isWeighted() {
        return weighted;
    }

    /** @return the lists named, in the order they were added, with whether each is enabled */
    public Map<ListId, Boolean> lists() {
        return enabled;
    }

    /**
     * Two settings are equal when they name the same lists in the same order (the order the
     * weighted share numbers them in), each enabled alike and with the same weight, and weighting
     * is on or off in both.
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CampaignLists)) {
            return false;
        }
        CampaignLists other = (CampaignLists) o;
        if (weighted != other.weighted || enabled.size() != other.enabled.size()) {
            return false;
        }
        Iterator<Map.Entry<ListId, Boolean>> mine = enabled.entrySet().iterator();
        Iterator<Map.Entry<ListId, Boolean>> theirs = other.enabled.entrySet().iterator();
        while (mine.hasNext()) {
            Map.Entry<ListId, Boolean> x = mine.next();
            Map.Entry<ListId, Boolean> y = theirs.next();
            if (!x.equals(y) || weight(x.getKey()) != other.weight(y.getKey())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = Boolean.hashCode(weighted);
        for (Map.Entry<ListId, Boolean> e : enabled.entrySet()) {
            h = 31 * h + e.hashCode();
            h = 31 * h + weight(e.getKey());
        }
        return h;
    }

    @Override
    public String toString() {
        return "CampaignLists" + enabled + (weighted ? " weighted " + weights : "");
    }

    /** Builds {@link CampaignLists}; each list is named once. */
    public static final class Builder {
        private final Map<ListId, Boolean> enabled = new LinkedHashMap<>();
        private final Map<ListId, Integer> weights = new LinkedHashMap<>();
        private boolean weighted;

        private Builder() {
        }

        /**
         * Names an enabled list with the default weight.
         *
         * @param list the list
         * @return this builder
         */
        public Builder enabled(ListId list) {
            return list(list, true, DEFAULT_WEIGHT);
        }

        /**
         * Names a list that is not dialled.
         *
         * @param list the list
         * @return this builder
         */
        public Builder disabled(ListId list) {
            return list(list, false, DEFAULT_WEIGHT);
        }

        /**
         * Names an enabled list with a weight and turns weighting on.
         *
         * @param list the list
         * @param weight 1 to {@value #MAX_WEIGHT}
         * @return this builder
         */
        public Builder weighted(ListId list, int weight) {
            weighted = true;
            return list(list, true, weight);
        }

        /**
         * Names a list.
         *
         * @param list the list
         * @param isEnabled whether it is dialled
         * @param weight 1 to {@value #MAX_WEIGHT}; used when weighting is on
         * @return this builder
         * @throws IllegalStateException if the list was named already
         */
        public Builder list(ListId list, boolean isEnabled, int weight) {
            Objects.requireNonNull(list, "list");
            if (weight < 1 || weight > MAX_WEIGHT) {
                throw new InvalidValueException("weight of list " + list, "1 to " + MAX_WEIGHT, weight);
            }
            if (enabled.containsKey(list)) {
                throw new IllegalStateException("list " + list + " is already named");
            }
            enabled.put(list, isEnabled);
            weights.put(list, weight);
            return this;
        }

        /**
         * @param on whether lists share calls by weight
         * @return this builder
         */
        public Builder weighting(boolean on) {
            weighted = on;
            return this;
        }

        /** @return the lists */
        public CampaignLists build() {
            return new CampaignLists(Collections.unmodifiableMap(new LinkedHashMap<>(enabled)), Map.copyOf(weights), weighted);
        }
    }
}

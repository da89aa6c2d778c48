package dev.outbound.core.callerid;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.phone.PhoneNumber;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A campaign's caller-id numbers: its DIDs, in the order they were given (round robin follows
 * it), and the campaign default presented when no DID fits or every fitting one is at its cap.
 * Immutable: {@link #retire} and {@link #with} return a new pool. Each number appears once.
 */
public final class DidPool {
    private final PhoneNumber campaignDefault;
    private final List<Did> dids;

    private DidPool(PhoneNumber campaignDefault, List<Did> dids) {
        this.campaignDefault = campaignDefault;
        this.dids = dids;
    }

    /**
     * Makes a pool.
     *
     * @param campaignDefault the number presented when no DID fits; it may be one of the DIDs too
     * @param dids the DIDs, in order; each number once
     * @return the pool
     * @throws InvalidValueException when a number appears twice, or the default has an extension
     */
    public static DidPool of(PhoneNumber campaignDefault, List<Did> dids) {
        Objects.requireNonNull(campaignDefault, "campaignDefault");
        Objects.requireNonNull(dids, "dids");
        if (!campaignDefault.extension().isEmpty()) {
            throw new InvalidValueException("campaign default caller id", "a number without an extension",
                    campaignDefault);
        }
        Set<PhoneNumber> seen = new HashSet<>();
        for (Did d : dids) {
            Objects.requireNonNull(d, "did");
            if (!seen.add(d.number())) {
                throw new InvalidValueException("DID pool", "each number once; it is listed twice", d.number());
            }
        }
        return new DidPool(campaignDefault, List.copyOf(dids));
    }

    /** @return the number presented when no DID fits or every fitting one is at its cap */
    public PhoneNumber campaignDefault() {
        return campaignDefault;
    }

    /** @return the DIDs, retired ones included, in order */
    public List<Did> dids() {
        return dids;
    }

    /** @return the DIDs that may be chosen (not retired), in order */
    public List<Did> active() {
        List<Did> list = new ArrayList<>(dids.size());
        for (Did d : dids) {
            if (d.isActive()) {
                list.add(d);
            }
        }
        return List.copyOf(list);
    }

    /**
     * @param number a number
     * @return the pool's DID with that number, if any
     */
    public Optional<Did> find(PhoneNumber number) {
        Objects.requireNonNull(number, "number");
        for (Did d : dids) {
            if (d.number().equals(number)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /**
     * Retires a DID: it stays in the pool and is never chosen again.
     *
     * @param number the DID's number
     * @return the pool with that DID retired
     * @throws InvalidValueException when the pool has no such DID
     */
    public DidPool retire(PhoneNumber number) {
        Objects.requireNonNull(number, "number");
        List<Did> list = new ArrayList<>(dids);
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).number().equals(number)) {
                list.set(i, list.get(i).retire());
                return new DidPool(campaignDefault, List.copyOf(list));
            }
        }
        throw new InvalidValueException("DID to retire", "a number of the pool", number);
    }

    /**
     * Adds a DID at the end of the pool.
     *
     * @param did the DID
     * @return the pool with the DID
     * @throws InvalidValueException when the pool has that number already
     */
    public DidPool with(Did did) {
        Objects.requireNonNull(did, "did");
        List<Did> list = new ArrayList<>(dids);
        list.add(did);
        return of(campaignDefault, list);
    }

    /**
     * Upserts DIDs, as an import into a stored pool does: a number the pool has keeps its place;
     * it takes the new label when one is given (a DID without a label keeps the old one) and is
     * retired when either says so, because retirement is one-way here (a number flagged as spam
     * does not come back through an import; {@link #of} makes a pool afresh for that). Numbers the
     * pool lacks are added at the end, in the order given.
     *
     * @param upserts the DIDs, each number once
     * @return the pool with them
     * @throws InvalidValueException when a number is listed twice in {@code upserts}
     */
    public DidPool merge(List<Did> upserts) {
        Objects.requireNonNull(upserts, "upserts");
        List<Did> list = new ArrayList<>(dids);
        Set<PhoneNumber> seen = new HashSet<>();
        for (Did d : upserts) {
            Objects.requireNonNull(d, "did");
            if (!seen.add(d.number())) {
                throw new InvalidValueException("DIDs to upsert", "each number once; it is listed twice", d.number());
            }
            int at = -1;
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).number().equals(d.number())) {
                    at = i;
                    break;
                }
            }
            if (at < 0) {
                list.add(d);
            } else {
                Did old = list.get(at);
                list.set(at, new Did(d.number(), d.label().isPresent() ? d.label() : old.label(),
                        old.retired() || d.retired()));
            }
        }
        return new DidPool(campaignDefault, List.copyOf(list));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DidPool p && p.campaignDefault.equals(campaignDefault) && p.dids.equals(dids);
    }

    @Override
    public int hashCode() {
        return Objects.hash(campaignDefault, dids);
    }

    /** @return {@code DidPool[3 DIDs, 1 retired, default +15305550100]} */
    @Override
    public String toString() {
        return "DidPool[" + dids.size() + " DIDs, " + (dids.size() - active().size()) + " retired, default "
                + campaignDefault.e164() + "]";
    }
}

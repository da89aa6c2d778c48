package dev.outbound.core.callerid;

import dev.outbound.core.phone.PhoneNumber;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/** The built-in {@link CallerIdStrategy} implementations. */
final class Strategies {
    private Strategies() {
    }

    /** Remembers the DID chosen last, and picks the next candidate after it in the pool's order. */
    static final class Rotation {
        private PhoneNumber last;

        Optional<Did> next(DidPool pool, Predicate<Did> candidate) {
            List<Did> dids = pool.dids();
            int n = dids.size();
            int start = 0;
            if (last != null) {
                for (int i = 0; i < n; i++) {
                    if (dids.get(i).number().equals(last)) {
                        start = i + 1;
                        break;
                    }
                }
            }
            for (int k = 0; k < n; k++) {
                Did d = dids.get((start + k) % n);
                if (candidate.test(d)) {
                    last = d.number();
                    return Optional.of(d);
                }
            }
            return Optional.empty();
        }
    }

    static final class Fixed implements CallerIdStrategy {
        private final CallerIdChoice choice;

        Fixed(PhoneNumber number) {
            this.choice = new CallerIdChoice(Objects.requireNonNull(number, "number"), CallerIdReason.FIXED);
        }

        @Override
        public CallerIdChoice choose(PhoneNumber callee, DidPool pool, Predicate<Did> usable) {
            return choice;
        }

        @Override
        public String toString() {
            return "fixed " + choice.number().e164();
        }
    }

    static final class RoundRobin implements CallerIdStrategy {
        private final Rotation rotation = new Rotation();

        @Override
        public CallerIdChoice choose(PhoneNumber callee, DidPool pool, Predicate<Did> usable) {
            return rotation.next(pool, usable)
                    .map(d -> new CallerIdChoice(d.number(), CallerIdReason.ROUND_ROBIN))
                    .orElseGet(() -> new CallerIdChoice(pool.campaignDefault(), CallerIdReason.DEFAULT));
        }

        @Override
        public String toString() {
            return "round robin";
        }
    }

    static final class LocalPresence implements CallerIdStrategy {
        private final CallerRegion regions;
        private final Rotation rotation = new Rotation();

        LocalPresence(CallerRegion regions) {
            this.regions = Objects.requireNonNull(regions, "regions");
        }

        @Override
        public CallerIdChoice choose(PhoneNumber callee, DidPool pool, Predicate<Did> usable) {
            Optional<String> npa = Did.areaCodeOf(callee);
            if (npa.isPresent()) {
                Optional<Did> local = rotation.next(pool, d -> usable.test(d) && d.areaCode().equals(npa));
                if (local.isPresent()) {
                    return new CallerIdChoice(local.get().number(), CallerIdReason.LOCAL_AREA_CODE);
                }
            }
            Optional<String> region = regions.of(callee);
            if (region.isPresent()) {
                Optional<Did> near = rotation.next(pool, d -> usable.test(d) && regions.of(d.number()).equals(region));
                if (near.isPresent()) {
                    return new CallerIdChoice(near.get().number(), CallerIdReason.SAME_REGION);
                }
            }
            return new CallerIdChoice(pool.campaignDefault(), CallerIdReason.DEFAULT);
        }

        @Override
        public String toString() {
            return "local presence";
        }
    }
}

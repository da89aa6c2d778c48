package dev.outbound.examples.programs;

import dev.outbound.core.record.Record;
import dev.outbound.spi.store.Claim;
import dev.outbound.spi.store.ClaimRequest;
import dev.outbound.spi.store.ForwardingRecordStore;
import dev.outbound.spi.store.Interaction;
import dev.outbound.spi.store.Lease;
import dev.outbound.spi.store.RecordStore;
import dev.outbound.spi.simulation.CallProfile;
import dev.outbound.spi.simulation.SimulatedTelephony;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Your own record store: {@link AuditedRecordStore}, a {@link ForwardingRecordStore} that writes
 * down every record the dialer takes ({@code claim}), gives back ({@code release}) or finishes
 * with an outcome ({@code complete}), around any other store. Extending
 * {@link ForwardingRecordStore} means overriding only what you change; a store of your own from
 * scratch implements {@link RecordStore} whole. Either way, prove it with the test kit: this
 * example's test {@code OwnRecordStoreContractTest} extends {@code RecordStoreContract}
 * ({@code outbound-spi-testkit}) in five lines.
 *
 * <p>Run it from the repository root, after {@code mvn -B -q -DskipTests package}:
 * <pre>{@code java -cp examples/target/outbound.jar dev.outbound.examples.programs.OwnRecordStore}</pre>
 */
public final class OwnRecordStore {
    private OwnRecordStore() {}

    /**
     * Dials five leads with two agents through an {@link AuditedRecordStore}; prints its log.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run().forEach(System.out::println);
    }

    /** @return the store's log of the run, then the run's counts */
    static List<String> run() {
        List<AuditedRecordStore> stores = new ArrayList<>();
        ProgressiveCampaign.Result result = ProgressiveCampaign.run(5, 2,
                time -> SimulatedTelephony.newBuilder(time).seed(42).profile(CallProfile.typical()).build(),
                inMemory -> {
                    AuditedRecordStore audited = new AuditedRecordStore(inMemory);
                    stores.add(audited);
                    return audited;
                });
        List<String> lines = new ArrayList<>(stores.get(0).log());
        lines.add(result.lines().get(result.calls().size())); // the counts line
        return lines;
    }

    /**
     * A record store that logs each claim, release and completion, then hands it to another.
     * Thread-safe when the store it wraps is.
     */
    static final class AuditedRecordStore extends ForwardingRecordStore {
        private final List<String> log = new CopyOnWriteArrayList<>();

        AuditedRecordStore(RecordStore delegate) {
            super(delegate);
        }

        /** @return every line logged so far, oldest first */
        List<String> log() {
            return List.copyOf(log);
        }

        @Override
        public List<Claim> claim(ClaimRequest request) {
            List<Claim> claims = super.claim(request);
            for (Claim c : claims) {
                log.add("claim    " + c.lease().key().ref() + ", lease " + c.lease().token() + " to "
                        + c.lease().owner());
            }
            return claims;
        }

        @Override
        public boolean release(Lease lease, Instant at) {
            boolean released = super.release(lease, at);
            log.add("release  " + lease.key().ref() + ", lease " + lease.token() + (released ? "" : " (not held)"));
            return released;
        }

        @Override
        public void complete(Lease lease, Record updated, Optional<Interaction> interaction, Instant at) {
            super.complete(lease, updated, interaction, at);
            log.add("complete " + lease.key().ref() + ", lease " + lease.token() + ": "
                    + interaction.map(i -> i.outcome().name()).orElse("no call") + ", now " + updated.status());
        }
    }
}

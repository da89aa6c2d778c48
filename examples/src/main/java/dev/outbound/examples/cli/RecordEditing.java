package dev.outbound.examples.cli;

import dev.outbound.core.lifecycle.Lifecycle;
import dev.outbound.core.record.CustomerRef;
import dev.outbound.core.record.Record;
import dev.outbound.csv.export.LeadExport;
import dev.outbound.spi.OutboundServices;
import dev.outbound.spi.store.RecordEdits;
import dev.outbound.spi.store.RecordKey;
import dev.outbound.spi.store.RecordQuery;
import dev.outbound.spi.store.RecordStore;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/**
 * What {@code wrap-code} and {@code reassign} share: the record store they edit (a lead file read
 * into memory and written back after the edit, or a store given by URL), and the record's key.
 */
final class RecordEditing {
    private RecordEditing() {
    }

    /**
     * Opens the store, runs the edit on the record, and writes a lead file back when the edit
     * succeeded.
     *
     * @param leads the lead file, if the records come from one
     * @param storeUrl the store's URL, if they come from one
     * @param campaign the campaign
     * @param at the instant of the edit
     * @param id the record's customer reference id
     * @param edit what to do, given the edits of the store and the record's key
     * @return the record as written
     */
    static Record run(Optional<Path> leads, Optional<String> storeUrl, CampaignFile campaign, Instant at, String id,
            Edit edit) {
        if (leads.isPresent() == storeUrl.isPresent()) {
            throw new IllegalArgumentException("give either --leads FILE or --store URL: the record to edit is in one");
        }
        RecordKey key = RecordKey.of(campaign.id(), CustomerRef.of(id));
        Lifecycle lifecycle = Lifecycle.of(campaign.rules());
        if (leads.isPresent()) {
            Leads.Loaded loaded = Leads.load(leads.get(), campaign, at, Optional.empty());
            requireRecord(loaded.store(), key, leads.get().toString());
            Record written = edit.apply(RecordEdits.of(loaded.store(), lifecycle), key);
            writeBack(loaded.store(), campaign, leads.get());
            return written;
        }
        try (OutboundServices services = Stores.open(storeUrl)) {
            requireRecord(services.recordStore(), key, storeUrl.get());
            return edit.apply(RecordEdits.of(services.recordStore(), lifecycle), key);
        }
    }

    /**
     * The options of a record edit, mixed into {@code wrap-code} and {@code reassign}: where the
     * record is, which it is, when, and under which campaign.
     */
    static final class Target {
        @Option(names = "--leads", paramLabel = "FILE", description = "The lead list (CSV) holding the record; it is "
                + "written back after the edit.")
        Optional<Path> leads = Optional.empty();

        @Option(names = "--store", paramLabel = "URL", description = "The record store holding the record (a binding "
                + "on the class path takes it).")
        Optional<String> store = Optional.empty();

        @Option(names = "--id", required = true, paramLabel = "REF", description = "The record's customer reference id.")
        String id;

        @Option(names = "--at", paramLabel = "INSTANT", description = "When (default: now).")
        Optional<String> at = Optional.empty();

        @Option(names = "--campaign", paramLabel = "FILE.json", description = "The campaign file, whose dispositions "
                + "say what is allowed (default: every default, no wrap codes, no Change user).")
        Optional<Path> campaignFile = Optional.empty();

        /** @return the campaign file, or the defaults */
        CampaignFile campaign() {
            return campaignFile.map(CampaignFile::read).orElseGet(CampaignFile::defaults);
        }

        /**
         * @param campaign the campaign, whose default zone reads a local {@code --at}
         * @return the instant of the edit
         */
        Instant when(CampaignFile campaign) {
            return at.map(t -> Leads.at(t, campaign)).orElseGet(() -> Clock.systemUTC().instant());
        }

        /**
         * Runs the edit on the record: see {@link RecordEditing#run}.
         *
         * @param campaign the campaign
         * @param at the instant of the edit
         * @param edit what to do
         * @return the record as written
         */
        Record run(CampaignFile campaign, Instant at, Edit edit) {
            return RecordEditing.run(leads, store, campaign, at, id, edit);
        }
    }

    /** An edit of one record. */
    interface Edit {
        /**
         * @param edits the store's edits
         * @param key the record's key
         * @return the record as written
         */
        Record apply(RecordEdits edits, RecordKey key);
    }

    private static void requireRecord(RecordStore store, RecordKey key, String where) {
        if (store.get(key).isEmpty()) {
            throw new IllegalArgumentException("no record with id " + key.ref() + " in campaign " + key.campaign()
                    + " in " + where);
        }
    }

    /** The campaign's records, back to the lead file, through a temporary file so that a failure leaves it whole. */
    private static void writeBack(RecordStore store, CampaignFile campaign, Path file) {
        RecordQuery query = RecordQuery.campaign(campaign.id());
        LeadExport export = ExportCommand.columnsInUse(store, query).build();
        try {
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
            try (OutputStream os = Files.newOutputStream(tmp); Stream<Record> all = store.stream(query)) {
                export.export(all.sorted((a, b) -> a.ref().value().compareTo(b.ref().value())), os);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}

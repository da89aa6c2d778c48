package dev.outbound.examples.cli;

import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordFactory;
import dev.outbound.core.zone.ZoneResolver;
import dev.outbound.csv.imports.ImportCounts;
import dev.outbound.csv.imports.ImportResult;
import dev.outbound.csv.imports.ImportStatus;
import dev.outbound.csv.imports.LeadImport;
import dev.outbound.csv.read.ReadOptions;
import dev.outbound.spi.memory.InMemoryRecordStore;
import dev.outbound.spi.store.RecordQuery;
import dev.outbound.spi.store.RecordStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Loads a lead file ({@code --leads FILE}) into memory for the commands that look at a campaign
 * before it runs, with the same import as {@code outbound import}: the mapping inferred from the
 * header, the campaign's region and default zone.
 */
final class Leads {
    private Leads() {
    }

    /**
     * The records of a lead file and what became of its rows.
     *
     * @param file the file
     * @param records the records imported, in reference-id order
     * @param result the import's result: counts and problems
     * @param store the in-memory store the records were imported into, for a command that goes on
     *     to dial them (in the simulator)
     */
    record Loaded(Path file, List<Record> records, ImportResult result, RecordStore store) {
        /** @return the rows refused on import (invalid) */
        long refused() {
            return result.counts().invalid();
        }
    }

    /**
     * The campaign's record factory, as {@code import} makes it.
     *
     * @param campaign the campaign's id
     * @param region the region national numbers are read in
     * @param defaultZone the zone of records whose zone nothing else gives
     * @param clock stamps the records' created and next-dialable times
     * @return the factory
     */
    static RecordFactory factory(CampaignId campaign, String region, Optional<ZoneId> defaultZone, Clock clock) {
        ZoneResolver.Builder zones = ZoneResolver.newBuilder();
        defaultZone.ifPresent(zones::defaultZone);
        return RecordFactory.newBuilder(campaign).defaultRegion(region).zoneResolver(zones.build()).clock(clock)
                .build();
    }

    /**
     * Imports a lead file as of an instant: each record is made then, so that a record without a
     * scheduled-for time is due at that instant.
     *
     * @param file the CSV file
     * @param campaign the campaign
     * @param at the instant the records are made at
     * @param verbose where the import's summary goes, if anywhere
     * @return the records and the result
     * @throws IllegalArgumentException naming the file when it cannot be read or the import failed
     */
    static Loaded load(Path file, CampaignFile campaign, Instant at, Optional<PrintWriter> verbose) {
        return load(file, campaign, at, verbose, InMemoryRecordStore.create());
    }

    /**
     * Imports a lead file into a store (the {@code --store} of a command, or memory) and reads the
     * campaign's records back from it, in key order.
     */
    static Loaded load(Path file, CampaignFile campaign, Instant at, Optional<PrintWriter> verbose,
            RecordStore store) {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read " + file);
        }
        RecordFactory factory = factory(campaign.id(), campaign.region(), campaign.defaultZone(),
                Clock.fixed(at, ZoneOffset.UTC));
        ImportResult result = LeadImport.newBuilder(factory, store).readOptions(ReadOptions.detect()).build()
                .newJob(file).run();
        if (result.status() != ImportStatus.FINISHED) {
            throw new IllegalArgumentException("cannot import " + file + ": "
                    + result.failure().orElse("the import did not finish"));
        }
        if (verbose.isPresent()) {
            ImportCounts c = result.counts();
            verbose.get().printf(Locale.ROOT, "%s: %,d rows: %,d imported, %,d duplicates in the file, %,d invalid "
                    + "(%,d with warnings)%n", file.getFileName(), c.total(), c.imported(), c.duplicates(), c.invalid(),
                    c.warnings());
        }
        List<Record> records;
        try (Stream<Record> all = store.stream(RecordQuery.campaign(campaign.id()))) {
            records = all.sorted((a, b) -> a.ref().value().compareTo(b.ref().value())).toList();
        }
        return new Loaded(file, records, result, store);
    }

    /**
     * Reads {@code --at}: an instant ({@code 2026-03-02T15:00:00Z}), a date-time with an offset, or a
     * local date-time in the campaign's default zone.
     *
     * @param text the option's value
     * @param campaign the campaign
     * @return the instant
     * @throws IllegalArgumentException saying what forms are read
     */
    static Instant at(String text, CampaignFile campaign) {
        String t = text.strip();
        try {
            return Instant.parse(t);
        } catch (DateTimeException e) {
            // not an instant; try the other forms
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeException e) {
            // not with an offset
        }
        LocalDateTime local;
        try {
            local = LocalDateTime.parse(t);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("--at " + text + " is not an instant (expected 2026-03-02T15:00:00Z, "
                    + "or a local date-time such as 2026-03-02T10:00 in the campaign's default zone)");
        }
        ZoneId zone = campaign.defaultZone().orElseThrow(() -> new IllegalArgumentException("--at " + text
                + " is a local date-time, and the campaign has no defaultZone to read it in; give an instant such "
                + "as 2026-03-02T15:00:00Z"));
        return local.atZone(zone).toInstant();
    }
}

package dev.outbound.examples.cli;

import dev.outbound.core.callerid.CallerIdSelector;
import dev.outbound.core.callerid.CallerIdStrategy;
import dev.outbound.core.callerid.DidPool;
import dev.outbound.core.callerid.DidUse;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.phone.PhoneNumberParse;
import dev.outbound.csv.did.DidImport;
import dev.outbound.csv.did.DidImportResult;
import dev.outbound.csv.read.ReadOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * A campaign file's {@code callerIds} section: how each call's caller id is chosen (the strategy),
 * the campaign default, the DID file and the caps per DID. {@code docs/campaign.md} lists the keys.
 *
 * <pre>{@code
 * "callerIds": {"strategy": "localPresence", "default": "+12025550100", "didFile": "dids.csv",
 *               "perHour": 60, "perDay": 400}
 * }</pre>
 *
 * <p>The DID file is read when the campaign file is, relative to its folder, with the campaign's
 * region; a file with a refused row is refused (with the row's problem), so that a campaign never
 * dials with part of its pool silently missing. Immutable.
 */
final class CampaignCallerIds {
    /** The keys of the section, in the order {@code docs/campaign.md} gives them. */
    static final List<String> KEYS = List.of("strategy", "default", "didFile", "perHour", "perDay");

    /** How calls get their caller id. */
    enum Strategy {
        /** Every call presents the default. */
        FIXED("fixed"),
        /** The pool's active DIDs in turn. */
        ROUND_ROBIN("roundRobin"),
        /** A DID of the callee's area code, else of its region, else the default. */
        LOCAL_PRESENCE("localPresence");

        final String key;

        Strategy(String key) {
            this.key = key;
        }
    }

    private final Strategy strategy;
    private final PhoneNumber campaignDefault;
    private final Optional<Path> didFile;
    private final Optional<DidPool> filePool;
    private final OptionalInt perHour;
    private final OptionalInt perDay;

    private CampaignCallerIds(Strategy strategy, PhoneNumber campaignDefault, Optional<Path> didFile,
            Optional<DidPool> filePool, OptionalInt perHour, OptionalInt perDay) {
        this.strategy = strategy;
        this.campaignDefault = campaignDefault;
        this.didFile = didFile;
        this.filePool = filePool;
        this.perHour = perHour;
        this.perDay = perDay;
    }

    /**
     * Reads the section.
     *
     * @param node the {@code callerIds} value
     * @param folder the campaign file's folder, which {@code didFile} is relative to
     * @param region the campaign's region, for national numbers
     * @return the section
     * @throws CampaignFileException naming the setting's path when a key is unknown or a value wrong
     */
    static CampaignCallerIds read(CampaignFile.Node node, Path folder, String region) {
        Map<String, CampaignFile.Node> s = node.object(KEYS);
        Strategy strategy = Strategy.ROUND_ROBIN;
        if (s.containsKey("strategy")) {
            CampaignFile.Node n = s.get("strategy");
            String t = n.string("fixed, roundRobin or localPresence").strip();
            strategy = null;
            for (Strategy candidate : Strategy.values()) {
                if (candidate.key.equalsIgnoreCase(t)) {
                    strategy = candidate;
                }
            }
            if (strategy == null) {
                throw n.error("\"" + t + "\" is not known (expected fixed, roundRobin or localPresence)");
            }
        }
        if (!s.containsKey("default")) {
            throw node.error("no default (expected \"default\": \"+12025550100\", the number presented when no DID "
                    + "fits, and by the fixed strategy)");
        }
        PhoneNumber campaignDefault = number(s.get("default"), region);
        Optional<Path> didFile = Optional.empty();
        Optional<DidPool> filePool = Optional.empty();
        if (s.containsKey("didFile")) {
            CampaignFile.Node n = s.get("didFile");
            Path csv = folder.resolve(n.string("a path relative to the campaign file"));
            if (!Files.isReadable(csv)) {
                throw n.error("cannot read " + csv);
            }
            DidImportResult result = n.checked(() -> {
                try {
                    return DidImport.read(csv, ReadOptions.detect(), region);
                } catch (IOException e) {
                    throw new IllegalStateException("cannot read " + csv + " (" + e.getMessage() + ")");
                }
            });
            if (!result.problems().isEmpty()) {
                throw n.error(csv + " has " + result.problems().size() + " refused row(s); the first: "
                        + result.problems().get(0) + " (outbound import-dids " + csv.getFileName() + " lists them all)");
            }
            if (result.stoppedEarly().isPresent()) {
                throw n.error(csv + " was not read to its end: " + result.stoppedEarly().get());
            }
            didFile = Optional.of(csv);
            filePool = Optional.of(n.checked(() -> result.toPool(campaignDefault)));
        }
        OptionalInt perHour = s.containsKey("perHour") ? OptionalInt.of(s.get("perHour").integer(1, 100_000))
                : OptionalInt.empty();
        OptionalInt perDay = s.containsKey("perDay") ? OptionalInt.of(s.get("perDay").integer(1, 1_000_000))
                : OptionalInt.empty();
        if (perHour.isPresent() && perDay.isPresent() && perHour.getAsInt() > perDay.getAsInt()) {
            throw s.get("perHour").error(perHour.getAsInt() + " is more than perDay (" + perDay.getAsInt()
                    + "): a DID cannot make more calls in an hour than in the day around it");
        }
        return new CampaignCallerIds(strategy, campaignDefault, didFile, filePool, perHour, perDay);
    }

    private static PhoneNumber number(CampaignFile.Node n, String region) {
        String raw = n.string("a phone number such as \"+12025550100\"");
        PhoneNumberParse parsed = PhoneNumber.tryParse(raw, region);
        if (parsed instanceof PhoneNumberParse.Invalid invalid) {
            throw n.error("\"" + raw + "\" is not a valid number: " + invalid.message());
        }
        PhoneNumber number = ((PhoneNumberParse.Valid) parsed).number();
        if (!number.extension().isEmpty()) {
            throw n.error("\"" + raw + "\" has an extension; a caller id cannot");
        }
        return number;
    }

    /** @return the strategy (setting {@code strategy}, default {@code roundRobin}) */
    Strategy strategy() {
        return strategy;
    }

    /** @return the campaign default (setting {@code default}, required) */
    PhoneNumber campaignDefault() {
        return campaignDefault;
    }

    /** @return the DID file read (setting {@code didFile}), if any */
    Optional<Path> didFile() {
        return didFile;
    }

    /** @return the pool of the DID file, with the default; empty without a DID file */
    Optional<DidPool> filePool() {
        return filePool;
    }

    /** @return the most calls per DID in any rolling hour (setting {@code perHour}), if capped */
    OptionalInt perHour() {
        return perHour;
    }

    /** @return the most calls per DID in any rolling day (setting {@code perDay}), if capped */
    OptionalInt perDay() {
        return perDay;
    }

    /**
     * The selector of a run.
     *
     * @param pool the pool: a stored one, or {@link #filePool()}, or one without DIDs
     * @param history uses made before the run, counted against the caps
     * @param onChoice told of each choice
     * @return the selector
     */
    CallerIdSelector selector(DidPool pool, List<DidUse> history, Consumer<DidUse> onChoice) {
        Objects.requireNonNull(pool, "pool");
        CallerIdStrategy s;
        switch (strategy) {
            case FIXED:
                s = CallerIdStrategy.fixed(campaignDefault);
                break;
            case LOCAL_PRESENCE:
                s = CallerIdStrategy.localPresence();
                break;
            default:
                s = CallerIdStrategy.roundRobin();
                break;
        }
        CallerIdSelector.Builder b = CallerIdSelector.newBuilder(pool).strategy(s).history(history).onChoice(onChoice);
        perHour.ifPresent(b::maxPerHour);
        perDay.ifPresent(b::maxPerDay);
        return b.build();
    }

    @Override
    public String toString() {
        return "CallerIds[" + strategy.key + ", default " + campaignDefault.e164() + ", "
                + didFile.map(Path::toString).orElse("no DID file") + ", per hour "
                + (perHour.isPresent() ? String.valueOf(perHour.getAsInt()) : "unlimited") + ", per day "
                + (perDay.isPresent() ? String.valueOf(perDay.getAsInt()) : "unlimited") + "]";
    }
}

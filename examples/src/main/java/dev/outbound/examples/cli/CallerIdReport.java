package dev.outbound.examples.cli;

import dev.outbound.core.callerid.CallerIdSelector;
import dev.outbound.core.callerid.Did;
import dev.outbound.core.callerid.DidPool;
import dev.outbound.core.callerid.DidUse;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.record.CampaignId;
import dev.outbound.spi.callerid.DidStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The caller ids of one {@code simulate} or {@code run}: builds the campaign's selector (its pool
 * from the DID store when {@code --store} holds one for the campaign, else from the campaign's DID
 * file; the store's uses of the last day counted against the caps), records every choice in the
 * store, and reports the calls per number ({@value #FILE}) with the busiest rolling hour and day,
 * so that a user sees the caps hold. Thread-safe: the engine reports choices from its thread.
 */
final class CallerIdReport {
    /** The report's file name. */
    static final String FILE = "caller_ids.csv";
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);

    private final CampaignCallerIds settings;
    private final DidPool pool;
    private final String poolSource;
    private final CampaignId campaign;
    private final Optional<DidStore> store;
    private final CallerIdSelector selector;
    /** Each number's choices in this run, in order; numbers in the order first chosen. */
    private final Map<PhoneNumber, List<Instant>> chosen = new LinkedHashMap<>();

    private CallerIdReport(CampaignCallerIds settings, DidPool pool, String poolSource, CampaignId campaign,
            Optional<DidStore> store, Instant start) {
        this.settings = settings;
        this.pool = pool;
        this.poolSource = poolSource;
        this.campaign = campaign;
        this.store = store;
        List<DidUse> history = store.map(s -> s.uses(campaign, start.minus(DAY), start)).orElse(List.of());
        this.selector = settings.selector(pool, history, this::chosen);
    }

    /**
     * @param c the campaign
     * @param store the run's DID store, with {@code --store}
     * @param start the instant the run starts: the store's uses of the day before count
     * @return the report and selector, or empty when the campaign has no {@code callerIds}
     * @throws IllegalArgumentException when the campaign names no DID file and the store holds no pool for it
     */
    static Optional<CallerIdReport> of(CampaignFile c, Optional<DidStore> store, Instant start) {
        if (c.callerIds().isEmpty()) {
            return Optional.empty();
        }
        CampaignCallerIds settings = c.callerIds().get();
        Optional<DidPool> stored = store.flatMap(s -> s.pool(c.id()));
        DidPool pool;
        String source;
        if (stored.isPresent()) {
            pool = stored.get();
            source = "the store";
        } else if (settings.filePool().isPresent()) {
            pool = settings.filePool().get();
            source = settings.didFile().get().getFileName().toString();
        } else if (settings.strategy() == CampaignCallerIds.Strategy.FIXED) {
            pool = DidPool.of(settings.campaignDefault(), List.of());
            source = "the default";
        } else {
            throw new IllegalArgumentException("callerIds: campaign " + c.id().value() + " has no DIDs: name a "
                    + "callerIds.didFile in the campaign file, or import them with outbound import-dids --store URL");
        }
        return Optional.of(new CallerIdReport(settings, pool, source, c.id(), store, start));
    }

    /** @return the selector the engine asks */
    CallerIdSelector selector() {
        return selector;
    }

    private synchronized void chosen(DidUse use) {
        chosen.computeIfAbsent(use.number(), n -> new ArrayList<>()).add(use.at());
        store.ifPresent(s -> s.recordUse(campaign, use));
    }

    /** The most instants in any window (t - span, t], the instants in order. */
    static int busiest(List<Instant> times, Duration span) {
        int best = 0;
        int first = 0;
        for (int i = 0; i < times.size(); i++) {
            Instant windowStart = times.get(i).minus(span);
            while (!times.get(first).isAfter(windowStart)) {
                first++;
            }
            best = Math.max(best, i - first + 1);
        }
        return best;
    }

    /**
     * Writes {@value #FILE}: one row per DID of the pool (in pool order) and per other number
     * presented (the default, a fixed number): {@code number,label,kind,retired,calls,
     * busiest_hour,busiest_day,cap_per_hour,cap_per_day}. A cap is blank when there is none, and
     * for the default and a fixed number, which have none.
     *
     * @param dir the report folder
     * @throws IOException when the file cannot be written
     */
    synchronized void writeTo(Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("number,label,kind,retired,calls,busiest_hour,busiest_day,cap_per_hour,"
                + "cap_per_day\n");
        for (Row r : rows()) {
            csv.append(r.number.e164()).append(',').append(r.label.map(CallerIdReport::cell).orElse("")).append(',')
                    .append(r.kind).append(',').append(r.retired).append(',').append(r.calls).append(',')
                    .append(r.busiestHour).append(',').append(r.busiestDay).append(',')
                    .append(r.did ? cap(settings.perHour()) : "").append(',')
                    .append(r.did ? cap(settings.perDay()) : "").append('\n');
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(FILE), csv.toString(), StandardCharsets.UTF_8);
    }

    /**
     * Prints the caller-id summary: the strategy, where the pool came from, and the calls per number.
     *
     * @param out where to
     */
    synchronized void print(PrintWriter out) {
        out.printf(Locale.ROOT, "Caller ids: %s from %s (%d DIDs, %d active), per DID per hour %s, per day %s%n",
                settings.strategy().key, poolSource, pool.dids().size(), pool.active().size(),
                capText(settings.perHour()), capText(settings.perDay()));
        for (Row r : rows()) {
            if (r.calls > 0) {
                out.printf(Locale.ROOT, "  %-16s %-8s %,7d calls, busiest hour %,d, busiest day %,d%n", r.number.e164(),
                        r.kind, r.calls, r.busiestHour, r.busiestDay);
            }
        }
    }

    private List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (Did d : pool.dids()) {
            rows.add(row(d.number(), d.label(), "did", d.retired(), true));
        }
        for (PhoneNumber n : chosen.keySet()) {
            if (pool.find(n).isEmpty()) {
                String kind = n.equals(pool.campaignDefault()) ? "default" : "fixed";
                rows.add(row(n, Optional.empty(), kind, false, false));
            }
        }
        return rows;
    }

    private Row row(PhoneNumber n, Optional<String> label, String kind, boolean retired, boolean did) {
        List<Instant> times = chosen.getOrDefault(n, List.of());
        return new Row(n, label, kind, retired, did, times.size(), busiest(times, HOUR), busiest(times, DAY));
    }

    private record Row(PhoneNumber number, Optional<String> label, String kind, boolean retired, boolean did,
            int calls, int busiestHour, int busiestDay) {
    }

    private static String cap(OptionalInt cap) {
        return cap.isPresent() ? String.valueOf(cap.getAsInt()) : "";
    }

    private static String capText(OptionalInt cap) {
        return cap.isPresent() ? String.valueOf(cap.getAsInt()) : "unlimited";
    }

    /** A CSV cell: quoted when it holds a separator, a quote or a line break. */
    private static String cell(String text) {
        return text.matches(".*[,\"\\r\\n].*") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}

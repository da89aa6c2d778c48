package dev.outbound.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Writes the demo's bundled lead list, {@code examples/src/main/resources/demo/leads.csv}: run once
 * and committed, so that the demo reads a fixed file. Seeded, so that running it again gives the
 * same file byte for byte.
 *
 * <pre>
 * javac -d /tmp/demoleads examples/src/test/java/dev/outbound/examples/DemoLeads.java
 * java -cp /tmp/demoleads dev.outbound.examples.DemoLeads /work/shared/data/areacodes/nanp_area_codes.csv \
 *     examples/src/main/resources/demo/leads.csv
 * </pre>
 *
 * <p>Numbers come only from ranges set aside for fiction, or from libphonenumber's example numbers:
 * North America {@code NPA 555-0100} to {@code 555-0199} for each single-zone area code of the
 * NANP table in {@code /work/shared/data/areacodes} (US and CA); Great Britain Ofcom's drama ranges
 * ({@code 020 7946 0xxx}, {@code 0161 496 0xxx} ...); France ARCEP's {@code 01 99 00 xx xx};
 * Australia ACMA's {@code (0x) 5550 xxxx} and {@code (0x) 7010 xxxx} and its fictional mobiles
 * {@code 0491 57x xxx}; Germany the block of libphonenumber's example numbers ({@code 030 12345xx},
 * {@code 01512 34567xx}), as it has no fiction range. Names are made of common given names and
 * surnames, picked at random.
 *
 * <p>Of the {@value #ROWS} rows, these are bad on purpose, at random places after the first 100:
 * {@value #BAD_PHONE} whose only number is not one, {@value #BAD_ZONE} with an unknown time zone,
 * {@value #NO_REF} without a customer reference id, and {@value #DUPLICATES} repeating an earlier
 * good row's reference id. {@value #BAD_SECOND_PHONE} more are good but carry a second number that
 * is not one (imported, with a warning).
 */
final class DemoLeads {
    /** Rows in the file, header not counted. */
    static final int ROWS = 3_000;
    /** Rows whose only number is not a phone number. */
    static final int BAD_PHONE = 24;
    /** Rows with a time zone that is no IANA zone. */
    static final int BAD_ZONE = 12;
    /** Rows with an empty customer reference id. */
    static final int NO_REF = 12;
    /** Rows with an earlier good row's reference id. */
    static final int DUPLICATES = 18;
    /** Good rows with a second number that is not one. */
    static final int BAD_SECOND_PHONE = 15;

    private static final String HEADER = "customer_ref,first_name,last_name,country,mobile_phone,home_phone,"
            + "time_zone,location,plan,renewal_date,agent,scheduled_for";
    private static final String[] FIRST = {"Ann", "Ben", "Carla", "David", "Elena", "Farid", "Grace", "Hugo", "Ines",
        "Jonas", "Kira", "Liam", "Maya", "Noah", "Olga", "Pedro", "Quinn", "Rosa", "Sam", "Tara", "Umar", "Vera",
        "Will", "Yara", "Zoe", "Aiko", "Bruno", "Chloe", "Dmitri", "Emma", "Felix", "Greta", "Hana", "Ivan", "Julia",
        "Karl", "Lena", "Marco", "Nina", "Oscar", "Paula", "Ruth", "Sofia", "Theo", "Ulla", "Victor", "Wanda"};
    private static final String[] LAST = {"Lee", "Smith", "Garcia", "Nguyen", "Brown", "Martin", "Rossi", "Schmidt",
        "Dubois", "Taylor", "Wilson", "Kowalski", "Novak", "Silva", "Kim", "Patel", "Murphy", "Walsh", "Moreau",
        "Becker", "Fischer", "Jones", "Clarke", "Evans", "Hughes", "Lambert", "Roux", "Weber", "Wagner", "Young",
        "Hall", "Reid", "Scott", "Baker", "Price", "Cole", "Lopez", "Diaz", "Ito", "Sato", "Okafor", "Mensah"};
    private static final String[] PLAN = {"basic", "plus", "premium"};
    private static final String[] GB_BLOCKS = {"020 7946 0", "0161 496 0", "0113 496 0", "0117 496 0", "0121 496 0",
        "0131 496 0", "0141 496 0", "0151 496 0"};
    private static final String[] AU_MOBILES = {"0491 570 006", "0491 570 156", "0491 570 157", "0491 570 158",
        "0491 570 159", "0491 570 110", "0491 570 313", "0491 570 737", "0491 571 266", "0491 571 491",
        "0491 571 804", "0491 572 549", "0491 572 665", "0491 572 983", "0491 573 770", "0491 573 087",
        "0491 574 118", "0491 574 632", "0491 575 254", "0491 575 789", "0491 576 398", "0491 576 801",
        "0491 577 426", "0491 577 644", "0491 578 957", "0491 578 148", "0491 578 888", "0491 579 212",
        "0491 579 760", "0491 579 455"};
    private static final String[] NOT_NUMBERS = {"555-01", "call me maybe", "(555) 123-4567", "+44 20 7946", "n/a",
        "0000"};
    private static final String[] NOT_ZONES = {"America/Atlantis", "Mars/Olympus_Mons", "EST5EDT7", "US/Nowhere"};

    private record AreaCode(String npa, String region, String zone, String place) {
    }

    private final Random random = new Random(20260302L);
    private final Set<String> numbers = new HashSet<>();
    /** The fictional Australian mobiles handed out so far: there are only thirty. */
    private int auMobiles;

    private DemoLeads() {
    }

    /**
     * Writes the file.
     *
     * @param args the NANP area-code table, then the file to write
     * @throws IOException when either cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        List<String> lines = new DemoLeads().rows(Path.of(args[0]));
        Files.write(Path.of(args[1]), lines, StandardCharsets.UTF_8);
        System.out.println(lines.size() - 1 + " rows written to " + args[1]);
    }

    private List<String> rows(Path areaCodes) throws IOException {
        List<AreaCode> us = new ArrayList<>();
        List<AreaCode> ca = new ArrayList<>();
        List<String> table = Files.readAllLines(areaCodes, StandardCharsets.UTF_8);
        for (String line : table.subList(1, table.size())) {
            String[] f = line.split(",", -1);
            // npa,region_code,time_zones_npa_level,...,spans_multiple_zones(4),...,geocoding_en(6),sample valid(7)
            if (f[4].equals("no") && f[7].equals("true") && !f[2].contains("&")) {
                AreaCode a = new AreaCode(f[0], f[1], f[2], f[6]);
                if (a.region().equals("US")) {
                    us.add(a);
                } else if (a.region().equals("CA")) {
                    ca.add(a);
                }
            }
        }
        // Where the bad rows go: distinct places after the first 100, so duplicates have good rows to repeat.
        List<Integer> places = new ArrayList<>();
        for (int i = 100; i < ROWS; i++) {
            places.add(i);
        }
        Collections.shuffle(places, random);
        int at = 0;
        Set<Integer> badPhone = new HashSet<>(places.subList(at, at += BAD_PHONE));
        Set<Integer> badZone = new HashSet<>(places.subList(at, at += BAD_ZONE));
        Set<Integer> noRef = new HashSet<>(places.subList(at, at += NO_REF));
        Set<Integer> duplicate = new HashSet<>(places.subList(at, at += DUPLICATES));
        Set<Integer> badSecond = new HashSet<>(places.subList(at, at += BAD_SECOND_PHONE));

        List<String> out = new ArrayList<>();
        out.add(HEADER);
        List<String> goodRefs = new ArrayList<>();
        Set<String> repeated = new HashSet<>();
        for (int i = 0; i < ROWS; i++) {
            String ref = String.format(Locale.ROOT, "C-%05d", 10_001 + i);
            String[] row = person(i < ROWS * 70 / 100 ? "US" : i < ROWS * 80 / 100 ? "CA" : i < ROWS * 87 / 100 ? "GB"
                    : i < ROWS * 91 / 100 ? "DE" : i < ROWS * 95 / 100 ? "FR" : "AU", us, ca);
            if (badPhone.contains(i)) {
                row[3] = NOT_NUMBERS[random.nextInt(NOT_NUMBERS.length)];
                row[4] = "";
            } else if (badZone.contains(i)) {
                row[5] = NOT_ZONES[random.nextInt(NOT_ZONES.length)];
            } else if (noRef.contains(i)) {
                ref = "";
            } else if (duplicate.contains(i)) {
                String earlier;
                do {
                    earlier = goodRefs.get(random.nextInt(goodRefs.size()));
                } while (!repeated.add(earlier));
                ref = earlier;
            } else if (badSecond.contains(i)) {
                row[4] = NOT_NUMBERS[random.nextInt(NOT_NUMBERS.length)];
            }
            if (!ref.isEmpty() && !badPhone.contains(i) && !badZone.contains(i) && !duplicate.contains(i)) {
                goodRefs.add(ref);
            }
            StringBuilder line = new StringBuilder(ref);
            for (String cell : row) {
                line.append(',').append(cell.contains(",") ? '"' + cell + '"' : cell);
            }
            out.add(line.toString());
        }
        return out;
    }

    /**
     * One person's cells after the reference id: first name, last name, country, mobile, home, time
     * zone, location, plan, renewal date, agent, scheduled for.
     */
    private String[] person(String country, List<AreaCode> us, List<AreaCode> ca) {
        String first = FIRST[random.nextInt(FIRST.length)];
        String last = LAST[random.nextInt(LAST.length)];
        String mobile;
        String home = "";
        String zone = "";
        String location = "";
        String shown = country;
        int localHour;
        switch (country) {
            case "US":
            case "CA": {
                List<AreaCode> codes = country.equals("US") ? us : ca;
                AreaCode a = codes.get(random.nextInt(codes.size()));
                mobile = nanp(a, random.nextInt(3));
                if (random.nextInt(4) == 0) {
                    home = nanp(a, 0);
                }
                if (random.nextInt(8) == 0) {
                    zone = a.zone();
                }
                location = a.place();
                // Half the US rows leave the country out: the campaign's region is US.
                shown = country.equals("US") && random.nextBoolean() ? "" : country;
                localHour = 10 + random.nextInt(7);
                break;
            }
            case "GB":
                mobile = unique(() -> GB_BLOCKS[random.nextInt(GB_BLOCKS.length)]
                        + String.format(Locale.ROOT, "%03d", random.nextInt(1000)));
                localHour = 9 + random.nextInt(5);
                break;
            case "DE":
                mobile = random.nextBoolean()
                        ? unique(() -> String.format(Locale.ROOT, "030 12345%02d", random.nextInt(100)))
                        : unique(() -> String.format(Locale.ROOT, "01512 34567%02d", random.nextInt(100)));
                localHour = 9 + random.nextInt(5);
                break;
            case "FR":
                mobile = unique(() -> String.format(Locale.ROOT, "01 99 00 %02d %02d", random.nextInt(100),
                        random.nextInt(100)));
                localHour = 9 + random.nextInt(5);
                break;
            default: {
                // Australia: a mobile says nothing about the zone, so those rows give it.
                String[] zones = {"Australia/Sydney", "Australia/Melbourne", "Australia/Brisbane", "Australia/Perth"};
                String[] areas = {"02", "03", "07", "08"};
                int k = random.nextInt(4);
                if (auMobiles < AU_MOBILES.length && random.nextInt(5) == 0) {
                    mobile = AU_MOBILES[auMobiles++];
                    zone = zones[k];
                } else {
                    mobile = unique(() -> "(" + areas[k] + ") " + (random.nextBoolean() ? "5550 " : "7010 ")
                            + String.format(Locale.ROOT, "%04d", random.nextInt(10_000)));
                    if (random.nextInt(4) == 0) {
                        zone = zones[k];
                    }
                }
                localHour = 8 + random.nextInt(3);
                break;
            }
        }
        String plan = PLAN[random.nextInt(PLAN.length)];
        String renewal = String.format(Locale.ROOT, "2026-04-%02d", 1 + random.nextInt(30));
        String agent = random.nextInt(100) == 0 ? "agent" + (1 + random.nextInt(20)) + "@sim.example" : "";
        // A few callbacks booked for the shift's day, in the customer's local time.
        String scheduled = random.nextInt(25) == 0
                ? String.format(Locale.ROOT, "2026-03-02 %02d:%02d", localHour, 15 * random.nextInt(4)) : "";
        return new String[] {first, last, shown, mobile, home, zone, location, plan, renewal, agent, scheduled};
    }

    /** A fictional NANP number of an area code, written one of three common ways. */
    private String nanp(AreaCode a, int style) {
        String number = unique(() -> a.npa() + "5550" + String.format(Locale.ROOT, "%03d", 100 + random.nextInt(100)));
        String npa = number.substring(0, 3);
        String line = number.substring(6);
        switch (style) {
            case 0:
                return "(" + npa + ") 555-" + line;
            case 1:
                return npa + "-555-" + line;
            default:
                return "+1 " + npa + " 555 " + line;
        }
    }

    private String unique(java.util.function.Supplier<String> numbers) {
        for (int tries = 0; tries < 1_000; tries++) {
            String n = numbers.get();
            if (this.numbers.add(n.replaceAll("[^0-9]", ""))) {
                return n;
            }
        }
        throw new UncheckedIOException(new IOException("no fictional number left in a range"));
    }
}

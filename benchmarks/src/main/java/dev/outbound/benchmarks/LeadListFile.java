package dev.outbound.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a lead list the way customers hand them over: a header, a reference id, names, two
 * numbers, a state, a city and a free-text note, about 100 bytes a row. The numbers are either US
 * numbers written in three human formats ({@link Numbers#NORTH_AMERICAN}), or numbers of four
 * other countries in international format ({@link Numbers#INTERNATIONAL}), or the same with the
 * national prefix in brackets, {@code +44 (0)20 7946 0123} ({@link Numbers#NATIONAL_PREFIX}),
 * which only libphonenumber's parser reads. The same seed gives the same file.
 */
final class LeadListFile {
    private static final String[] AREA_CODES = {
        "201", "202", "205", "206", "208", "212", "213", "215", "303", "305", "312", "404", "415", "503", "512",
        "530", "602", "615", "617", "702", "713", "808", "907", "954", "971", "210", "214", "239", "321", "352"
    };
    private static final String[] STATES = {"CA", "NY", "FL", "TX", "WA", "IL", "GA", "OR", "AZ", "MD"};
    private static final String[] NAMES = {"Ann", "Bob", "Chen", "Dana", "Eve", "Farid", "Gita", "Hugo", "Ines", "Jon"};
    private static final String[] CITIES = {"Springfield", "Riverside", "Franklin", "Greenville", "Clinton"};

    /** How the file's numbers are written. */
    enum Numbers {
        /** US numbers: (212) 555-0147, 212-555-0147, +1 212 555 0147. */
        NORTH_AMERICAN,
        /** London, Berlin, Paris and Sydney numbers: +44 20 7946 0147, +49 30 1234567, ... */
        INTERNATIONAL,
        /** The same with the national prefix in brackets: +44 (0)20 7946 0147, +49 (0)30 1234567, ... */
        NATIONAL_PREFIX
    }

    static final String HEADER = "customer_reference_id,first_name,last_name,mobile,home,state,city,notes";

    private LeadListFile() {
    }

    /**
     * @param file where to write
     * @param rows how many data rows
     * @param seed the random seed
     * @return the file
     * @throws IOException if it cannot be written
     */
    static Path write(Path file, int rows, long seed) throws IOException {
        return write(file, rows, seed, Numbers.NORTH_AMERICAN);
    }

    /**
     * @param file where to write
     * @param rows how many data rows
     * @param seed the random seed
     * @param numbers how the numbers are written
     * @return the file
     * @throws IOException if it cannot be written
     */
    static Path write(Path file, int rows, long seed, Numbers numbers) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.write('\n');
            StringBuilder line = new StringBuilder(128);
            for (int i = 0; i < rows; i++) {
                line.setLength(0);
                line.append("L-").append(i).append(',')
                        .append(NAMES[random.nextInt(NAMES.length)]).append(',')
                        .append(NAMES[random.nextInt(NAMES.length)]).append("son,");
                number(line, random, numbers);
                line.append(',');
                number(line, random, numbers);
                line.append(',').append(STATES[random.nextInt(STATES.length)])
                        .append(',').append(CITIES[random.nextInt(CITIES.length)])
                        .append(",\"Called before, asked for a callback\"\n");
                w.append(line);
            }
        }
        return file;
    }

    /** @return the number written one of three ways: (212) 555-0147, 212-555-0147, +1 212 555 0147 */
    private static void number(StringBuilder out, SplittableRandom random, Numbers numbers) {
        if (numbers != Numbers.NORTH_AMERICAN) {
            international(out, random, numbers == Numbers.NATIONAL_PREFIX ? "(0)" : "");
            return;
        }
        String area = AREA_CODES[random.nextInt(AREA_CODES.length)];
        int exchange = 200 + random.nextInt(800);
        String line = String.format("%04d", random.nextInt(10_000));
        switch (random.nextInt(3)) {
            case 0:
                out.append("\"(").append(area).append(") ").append(exchange).append('-').append(line).append('"');
                break;
            case 1:
                out.append(area).append('-').append(exchange).append('-').append(line);
                break;
            default:
                out.append("+1 ").append(area).append(' ').append(exchange).append(' ').append(line);
                break;
        }
    }

    /** Writes a valid fixed-line number of London, Berlin, Paris or Sydney, in international format, the national prefix (if any) after the country code. */
    private static void international(StringBuilder out, SplittableRandom random, String prefix) {
        switch (random.nextInt(4)) {
            case 0:
                out.append("+44 ").append(prefix).append("20 ").append(3 + random.nextInt(2) * 4).append(String.format("%03d", random.nextInt(1000)))
                        .append(' ').append(String.format("%04d", random.nextInt(10_000)));
                break;
            case 1:
                out.append("+49 ").append(prefix).append("30 ").append(2 + random.nextInt(7)).append(String.format("%06d", random.nextInt(1_000_000)));
                break;
            case 2:
                out.append("+33 ").append(prefix).append("1 ").append(String.format("%02d", 40 + random.nextInt(50))).append(' ')
                        .append(String.format("%02d", random.nextInt(100))).append(' ')
                        .append(String.format("%02d", random.nextInt(100))).append(' ')
                        .append(String.format("%02d", random.nextInt(100)));
                break;
            default:
                out.append("+61 ").append(prefix).append("2 9").append(String.format("%03d", random.nextInt(1000)))
                        .append(' ').append(String.format("%04d", random.nextInt(10_000)));
                break;
        }
    }
}

package dev.outbound.core.zone;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the reference data copied under src/test/resources/zone (see the SOURCE.md files there). */
final class TestData {

    private TestData() {
    }

    static List<String> lines(String resource) {
        try (InputStream in = TestData.class.getResourceAsStream("/zone/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource zone/" + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows of a CSV file without its header; fields may be double-quoted (no escaped quotes in this data). */
    static List<List<String>> csv(String resource) {
        List<String> lines = lines(resource);
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isEmpty()) {
                continue;
            }
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (char c : line.toCharArray()) {
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == ',' && !quoted) {
                    fields.add(field.toString());
                    field.setLength(0);
                } else {
                    field.append(c);
                }
            }
            fields.add(field.toString());
            rows.add(fields);
        }
        return rows;
    }

    /** Every zone id of JDK 17 (tzdb 2025a), one a line. */
    static List<String> jdk17Zones() {
        return lines("tz/zones.txt").stream().filter(s -> !s.isBlank()).toList();
    }

    /** IANA alias to canonical target, from the tz `backward` file, independently of the shipped resource. */
    static Map<String, String> backwardLinks() {
        Map<String, String> links = new HashMap<>();
        for (List<String> row : csv("tz/backward_links.csv")) {
            links.put(row.get(0), row.get(1));
        }
        return links;
    }
}

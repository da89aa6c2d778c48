package dev.outbound.csv.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Helpers for reading test input. */
final class Sources {
    private Sources() {
    }

    static CsvSource open(byte[] bytes, ReadOptions options) {
        try {
            return CsvSource.open(new ByteArrayInputStream(bytes), options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CsvSource open(String text) {
        return open(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), ReadOptions.detect());
    }

    static List<SourceRow> rows(CsvSource source) {
        List<SourceRow> rows = new ArrayList<>();
        for (Optional<SourceRow> row = source.next(); row.isPresent(); row = source.next()) {
            rows.add(row.get());
        }
        return rows;
    }

    static List<List<String>> cells(List<SourceRow> rows) {
        return rows.stream().map(SourceRow::cells).toList();
    }

    static Path resource(String name) {
        URL url = Sources.class.getResource("/csv-suite/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no test resource csv-suite/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.outbound.csv.read;

/** Placeholder: being written. */
public final class CsvSource {
    private CsvSource() {
    }
}

package dev.outbound.csv.imports;

/** Placeholder: being written. */
public final class LeadImport {
    private LeadImport() {
    }
}

package dev.outbound.csv.export;

/** Placeholder: being written. */
public final class LeadExport {
    private LeadExport() {
    }
}

/**
 * Outbound's lead-list import and export: CSV files read with FastCSV (separator and encoding
 * detected), columns mapped to record fields, every row accounted for, result files, and export.
 */
module dev.outbound.csv {
    requires transitive dev.outbound.core;
    requires transitive dev.outbound.spi;
    requires de.siegmar.fastcsv;

    exports dev.outbound.csv;
    exports dev.outbound.csv.read;
    exports dev.outbound.csv.mapping;
    exports dev.outbound.csv.imports;
    exports dev.outbound.csv.export;
    exports dev.outbound.csv.dnc;
    exports dev.outbound.csv.did;
    exports dev.outbound.csv.process;
}

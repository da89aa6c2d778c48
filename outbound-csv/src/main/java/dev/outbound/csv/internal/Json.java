package dev.outbound.csv.internal;

/** Placeholder: being written. */
public final class Json {
    private Json() {
    }
}

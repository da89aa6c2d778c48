package dev.outbound.examples;

import dev.outbound.core.phone.PhoneNumber;

/** The demo: placeholder until the full campaign demo lands. */
public final class Demo {
    private Demo() {}

    /**
     * Runs the demo.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.out.println(PhoneNumber.parse("(530) 555-0147", "US"));
    }
}

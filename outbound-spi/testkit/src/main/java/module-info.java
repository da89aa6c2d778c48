/**
 * The contract test kit of Outbound's SPI: abstract JUnit 5 classes that an implementation
 * extends to prove it honours the contract its interface states.
 */
module dev.outbound.spi.testkit {
    requires transitive dev.outbound.spi;
    requires transitive org.junit.jupiter.api;
    requires org.assertj.core;
    requires quicktheories;

    exports dev.outbound.spi.testkit;
    // The contract tests are package-private methods that JUnit calls reflectively, also from a
    // subclass in another module.
    opens dev.outbound.spi.testkit to org.junit.platform.commons;
}

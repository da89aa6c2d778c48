/**
 * Contract tests for the SPI: extend the class for the interface you implement and return your
 * implementation from its factory method; every test then runs against it.
 */
package dev.outbound.spi.testkit;

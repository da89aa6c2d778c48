/**
 * Phone numbers: parsing human-written numbers to E.164 once, when a record is made; the fields
 * that type a record's numbers; and the states a number can be in.
 */
package dev.outbound.core.phone;

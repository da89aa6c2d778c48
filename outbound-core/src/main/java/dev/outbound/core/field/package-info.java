/**
 * Custom fields of records: the fields a campaign defines ({@link dev.outbound.core.field.FieldDefinition}
 * in a {@link dev.outbound.core.field.FieldSchema}), their typed values
 * ({@link dev.outbound.core.field.FieldValue}), the values of one record
 * ({@link dev.outbound.core.field.CustomFields}), and the checks that keep values within their
 * definitions: parsing that throws on the first problem, checking that reports every problem for
 * bulk import, and an index that finds values of unique fields shared by several records.
 */
package dev.outbound.core.field;

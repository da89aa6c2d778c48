package dev.outbound.core.field;

/** What to do with input for a field the schema does not define. */
public enum UnknownFields {
    /** Keep the value as text under the name it was given with. */
    KEEP_AS_TEXT,
    /** Leave the value out silently. */
    DROP,
    /** Refuse the value as a problem of kind {@link FieldProblem.Kind#UNKNOWN_FIELD}. */
    REJECT
}

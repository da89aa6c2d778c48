package dev.outbound.core.field;

/** What came of reading one input text for one field: no value, a value, or a problem. */
sealed interface Reading {

    /** The input was blank (or missing) and the field is not required. */
    record Absent() implements Reading {
    }

    /** The input was a valid value. */
    record Read(FieldValue value) implements Reading {
    }

    /** The input was refused. */
    record Refused(FieldProblem problem) implements Reading {
    }
}

package dev.outbound.csv.mapping;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.phone.PhoneField;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * How {@link ColumnMapping#auto} matches a file's columns: which phone fields the campaign has
 * (columns named after them, and phone synonyms, map to them), and what becomes of columns that
 * match no target.
 *
 * @param unmappedAsCustomFields whether a column that matches no target becomes a custom field
 *     named after its header (otherwise it is dropped)
 * @param phoneFields the campaign's phone fields, in the order numbers are tried (as
 *     {@code RecordFactory.phoneFields()} gives them); not empty, no repeats. The first is the
 *     one a column named {@code phone} maps to
 */
public record MappingOptions(boolean unmappedAsCustomFields, List<PhoneField> phoneFields) {
    /**
     * Checks and copies the components.
     *
     * @param unmappedAsCustomFields whether unmatched columns become custom fields
     * @param phoneFields the campaign's phone fields, in order; not empty, no repeats
     */
    public MappingOptions {
        phoneFields = List.copyOf(Objects.requireNonNull(phoneFields, "phoneFields"));
        if (phoneFields.isEmpty()) {
            throw new InvalidValueException("phoneFields", "at least one phone field", "none");
        }
        if (new HashSet<>(phoneFields).size() != phoneFields.size()) {
            throw new InvalidValueException("phoneFields", "no field twice", phoneFields);
        }
    }

    /**
     * @param phoneFields the campaign's phone fields, in the order numbers are tried
     * @return options that keep unmatched columns as custom fields
     */
    public static MappingOptions defaults(List<PhoneField> phoneFields) {
        return new MappingOptions(true, phoneFields);
    }

    /** @return these options, dropping unmatched columns instead */
    public MappingOptions withUnmappedDropped() {
        return new MappingOptions(false, phoneFields);
    }
}

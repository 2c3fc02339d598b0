package io.chspring.client.mapping;

import io.chspring.client.rowbinary.CodecOptions;
import java.util.Objects;

/**
 * How rows are mapped.
 *
 * @param codecOptions the options of the value codecs (default time zone, JSON as text)
 * @param validateSchema whether every mismatch between the class and the columns is reported before any row is read
 *     or written; when off, columns and properties are matched by name only, unmatched ones are skipped, and only
 *     a Java type that cannot hold a column's values still fails
 */
public record MappingOptions(CodecOptions codecOptions, boolean validateSchema) {

    /** Default codec options, validation on. */
    public static final MappingOptions DEFAULT = new MappingOptions(CodecOptions.DEFAULT, true);

    /** Validates the arguments. */
    public MappingOptions {
        Objects.requireNonNull(codecOptions, "codecOptions");
    }

    /** A copy with other codec options. */
    public MappingOptions withCodecOptions(CodecOptions options) {
        return new MappingOptions(options, validateSchema);
    }

    /** A copy with validation on or off. */
    public MappingOptions withValidateSchema(boolean validate) {
        return new MappingOptions(codecOptions, validate);
    }

    // Written out instead of the record's generated method: the first generated equals/hashCode in a JVM bootstraps
    // java.lang.runtime.ObjectMethods, about 20 ms of a cold start, and a typed read hashes this on its first query
    // (issue 17, cold read). RecordEqualityTests checks that every component takes part.
    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof MappingOptions o && validateSchema == o.validateSchema
                && codecOptions.equals(o.codecOptions);
    }

    @Override
    public int hashCode() {
        return 31 * codecOptions.hashCode() + Boolean.hashCode(validateSchema);
    }
}

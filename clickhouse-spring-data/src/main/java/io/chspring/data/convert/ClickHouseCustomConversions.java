package io.chspring.data.convert;

import io.chspring.data.mapping.ClickHouseMappingContext;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.data.convert.CustomConversions;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mapping.MappingException;

/**
 * The application's converters between its own value types and column values, in Spring Data's
 * {@link CustomConversions} form: a {@link WritingConverter} from the value type to a type the client writes natively
 * ({@code Money -> BigDecimal}, {@code UserId -> Long}) and a {@link ReadingConverter} back. A property, a bound
 * parameter or a collection element of such a type is converted on its way to and from ClickHouse. Types the client's
 * codecs handle themselves ({@code String}, numbers, {@code Instant}, {@code UUID}, ...) are never converted, so
 * a converter cannot change how they are written.
 *
 * <p>Give the mapping context {@link #getSimpleTypeHolder()} too, so the value types are single columns there.
 */
public class ClickHouseCustomConversions extends CustomConversions {

    private static final StoreConversions STORE = StoreConversions.of(ClickHouseMappingContext.storeSimpleTypes());

    private final DefaultConversionService conversionService = new DefaultConversionService();

    /** Conversions with {@code converters} ({@code Converter}, {@code ConverterFactory} or {@code GenericConverter}). */
    public ClickHouseCustomConversions(Collection<?> converters) {
        super(STORE, converters);
        registerConvertersIn(conversionService);
    }

    /** No conversions beyond the client's own types. */
    public static ClickHouseCustomConversions none() {
        return new ClickHouseCustomConversions(List.of());
    }

    /** The conversion service holding the converters, to convert values with. */
    public ConversionService getConversionService() {
        return conversionService;
    }

    /**
     * The column type values of {@code type} are written as, or empty when {@code type} is written as it is (the
     * client handles it, or no converter is registered).
     */
    public Optional<Class<?>> columnType(Class<?> type) {
        if (isNative(type)) {
            return Optional.empty();
        }
        return getCustomWriteTarget(type);
    }

    /**
     * The column type of a mapped value type that can also be read back; {@code null} when it needs no conversion.
     *
     * @throws MappingException when there is a writing converter but no way back
     */
    public @Nullable Class<?> readableColumnType(Class<?> type, String what) {
        Class<?> column = columnType(type).orElse(null);
        if (column != null && !conversionService.canConvert(column, type)) {
            throw new MappingException(what + " of type " + type.getName() + " is written as " + column.getName()
                    + " but no @ReadingConverter turns a " + column.getSimpleName() + " back into a "
                    + type.getSimpleName());
        }
        return column;
    }

    /** {@code value} as ClickHouse gets it: converted when its type has a writing converter, else unchanged. */
    public @Nullable Object toColumnValue(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        Class<?> column = columnType(value.getClass()).orElse(null);
        return column == null ? value : conversionService.convert(value, column);
    }

    private static boolean isNative(Class<?> type) {
        return type.isPrimitive() || type.isArray() || type.isEnum()
                || ClickHouseMappingContext.storeSimpleTypes().isSimpleType(type)
                || Collection.class.isAssignableFrom(type) || java.util.Map.class.isAssignableFrom(type);
    }
}

package io.chspring.client.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.mapping.MappingOptions;
import io.chspring.client.rowbinary.CodecOptions;
import io.chspring.client.rowbinary.ReadFormat;
import io.chspring.client.rowbinary.ReadFormats;
import io.chspring.client.type.ClickHouseColumn;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReaderKeyTests {

    private static final List<ClickHouseColumn> COLUMNS = List.of(ClickHouseColumn.of("n", "UInt64"),
            ClickHouseColumn.of("total", "Nullable(Float64)"));

    @Test
    void keysOfEqualPartsAreEqualAndHashAlikeThoughNoPartIsTheSameInstance() {
        ReaderKey a = new ReaderKey(Object[].class, null, COLUMNS, MappingOptions.DEFAULT,
                ReadFormats.NONE.withType("UInt64", ReadFormat.LONG));
        ReaderKey b = new ReaderKey(Object[].class, null,
                new ArrayList<>(List.of(ClickHouseColumn.of("n", "UInt64"), ClickHouseColumn.of("total",
                        "Nullable(Float64)"))),
                new MappingOptions(CodecOptions.DEFAULT, true), ReadFormats.NONE.withType("UInt64", ReadFormat.LONG));

        assertThat(a).isEqualTo(b);
        assertThat(a.hashCode()).isEqualTo(b.hashCode());
    }

    @Test
    void keysDifferingInAnyPartDiffer() {
        ReaderKey key = new ReaderKey(Object[].class, null, COLUMNS, MappingOptions.DEFAULT,
                ReadFormats.NONE);

        assertThat(key).isNotEqualTo(new ReaderKey(Long.class, null, COLUMNS, MappingOptions.DEFAULT,
                ReadFormats.NONE));
        assertThat(key).isNotEqualTo(new ReaderKey(Object[].class, null, COLUMNS.subList(0, 1),
                MappingOptions.DEFAULT, ReadFormats.NONE));
        assertThat(key).isNotEqualTo(new ReaderKey(Object[].class, null, List.of(ClickHouseColumn.of("n",
                "UInt64"), ClickHouseColumn.of("total", "Float64")), MappingOptions.DEFAULT, ReadFormats.NONE));
        assertThat(key).isNotEqualTo(new ReaderKey(Object[].class, null, COLUMNS,
                new MappingOptions(CodecOptions.DEFAULT, false), ReadFormats.NONE));
        assertThat(key).isNotEqualTo(new ReaderKey(Object[].class, null, COLUMNS, MappingOptions.DEFAULT,
                ReadFormats.NONE.withColumn("n", ReadFormat.STRING)));
    }

    @Test
    void formatNamesAreALetterThenLettersDigitsAndUnderscores() {
        assertThat(Query.isFormatName("RowBinary")).isTrue();
        assertThat(Query.isFormatName("TabSeparatedWithNamesAndTypes")).isTrue();
        assertThat(Query.isFormatName("x_1")).isTrue();
        assertThat(Query.isFormatName("")).isFalse();
        assertThat(Query.isFormatName("1Row")).isFalse();
        assertThat(Query.isFormatName("_Row")).isFalse();
        assertThat(Query.isFormatName("Row Binary")).isFalse();
        assertThat(Query.isFormatName("RowBinary;")).isFalse();
    }
}

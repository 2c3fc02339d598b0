package io.chspring.client.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.ClickHouseSchemaException;
import io.chspring.client.transport.BodySink;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Structures, row checks and the multipart body, without a server (ExternalDataIntegrationTests has 18.16's view). */
class ExternalTableTests {

    @Test
    void structuresWithCommasInsideTypesAndQuotedNames() {
        ExternalTable t = ExternalTable.of("ext", " id UInt64, attrs Map(String, UInt64), e Enum8('a,b' = 1, 'c' = 2),"
                + " `odd name` Nullable(String) ");
        assertThat(t.structure()).isEqualTo("id UInt64, attrs Map(String, UInt64), e Enum8('a,b' = 1, 'c' = 2),"
                + " `odd name` Nullable(String)");
        assertThat(t.format()).isEqualTo("RowBinary");
    }

    @Test
    void badStructuresAreNamedWithWhatIsWrong() {
        assertThatThrownBy(() -> ExternalTable.of("ext", "")).isInstanceOf(ClickHouseConfigurationException.class)
                .hasMessageContaining("'ext'").hasMessageContaining("it is empty");
        assertThatThrownBy(() -> ExternalTable.of("ext", "id UInt64, id String"))
                .hasMessageContaining("column 'id' is given twice");
        assertThatThrownBy(() -> ExternalTable.of("ext", "m Map(String, UInt64"))
                .hasMessageContaining("a '(' is not closed");
        assertThatThrownBy(() -> ExternalTable.of("ext", "id UInt64,, x UInt8"))
                .hasMessageContaining("column 2 has no name");
    }

    @Test
    void rowsAreCheckedNamingTableRowAndColumn() {
        ExternalTable t = ExternalTable.of("ext", "id UInt64, small UInt8")
                .rows(List.of(List.of(1L, (short) 1), List.of(2L, (short) 300)));
        assertThatThrownBy(t::check).isInstanceOf(ClickHouseSchemaException.class)
                .hasMessageContaining("external table 'ext', row 2").hasMessageContaining("'small'");
    }

    @Test
    void theMultipartBodyHasOnePartPerTableWithItsRowBinary() throws IOException {
        MultipartBody body = new MultipartBody(List.of(
                ExternalTable.of("a", "id UInt64").rows(List.of(List.of(1L), List.of(258L))),
                ExternalTable.of("b", "s String").data("TabSeparated",
                        () -> new ByteArrayInputStream("x\ty\n".getBytes(StandardCharsets.UTF_8)))));
        Matcher m = Pattern.compile("multipart/form-data; boundary=(chspring-[0-9a-f-]{36})").matcher(body.contentType());
        assertThat(m.matches()).isTrue();
        String b = m.group(1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.writeTo(BodySink.plain(out));
        String expected = "--" + b + "\r\nContent-Disposition: form-data; name=\"a\"; filename=\"a\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n"
                + new String(HexFormat.of().parseHex("0100000000000000" + "0201000000000000"), StandardCharsets.ISO_8859_1)
                + "\r\n--" + b + "\r\nContent-Disposition: form-data; name=\"b\"; filename=\"b\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\nx\ty\n\r\n--" + b + "--\r\n";
        assertThat(out.toString(StandardCharsets.ISO_8859_1)).isEqualTo(expected);
    }

    @Test
    void aOneShotStreamCannotBeSentTwice() throws IOException {
        ExternalTable t = ExternalTable.of("s", "x String")
                .data("TabSeparated", new ByteArrayInputStream("a\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(t.repeatable()).isFalse();
        t.writeTo(new ByteArrayOutputStream());
        assertThatThrownBy(() -> t.writeTo(new ByteArrayOutputStream())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("external table 's'").hasMessageContaining("Supplier<InputStream>");
        assertThat(ExternalTable.of("r", "x String").rows(List.of()).repeatable()).isTrue();
    }
}

package io.chspring.client.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Error bodies as real servers wrote them: 18.16 texts from MATRIX.md / curl, modern texts from server issues. */
class ServerErrorTextTests {

    @Test
    void parsesTheOldFormOf1816() {
        ServerErrorText e = ServerErrorText.parse("Code: 62, e.displayText() = DB::Exception: Syntax error: failed at "
                + "position 1 (line 1, col 1): SELEC 1. Unrecognized token, e.what() = DB::Exception\n");

        assertThat(e.code()).isEqualTo(62);
        assertThat(e.name()).isEqualTo("SYNTAX_ERROR");
        assertThat(e.message()).isEqualTo("DB::Exception: Syntax error: failed at position 1 (line 1, col 1): "
                + "SELEC 1. Unrecognized token");
    }

    @Test
    void parsesTheOldFormAuthenticationAndReadonlyErrors() {
        ServerErrorText wrong = ServerErrorText.parse("Code: 193, e.displayText() = DB::Exception: Wrong password for "
                + "user alice, e.what() = DB::Exception\n");
        ServerErrorText readonly = ServerErrorText.parse("Code: 164, e.displayText() = DB::Exception: Cannot insert "
                + "into table in readonly mode, e.what() = DB::Exception\n");

        assertThat(wrong.code()).isEqualTo(193);
        assertThat(wrong.name()).isEqualTo("WRONG_PASSWORD");
        assertThat(readonly.code()).isEqualTo(164);
        assertThat(readonly.name()).isEqualTo("READONLY");
        assertThat(readonly.message()).isEqualTo("DB::Exception: Cannot insert into table in readonly mode");
    }

    @Test
    void parsesTheNewFormWithTheNameFromTheText() {
        ServerErrorText e = ServerErrorText.parse("Code: 57. DB::Exception: Table default.example already exists. "
                + "(TABLE_ALREADY_EXISTS) (version 22.10.1.1175 (official build))\n");

        assertThat(e.code()).isEqualTo(57);
        assertThat(e.name()).isEqualTo("TABLE_ALREADY_EXISTS");
        assertThat(e.message()).startsWith("DB::Exception: Table default.example already exists.")
                .endsWith("(version 22.10.1.1175 (official build))");
    }

    @Test
    void takesTheNameOfAnUnlistedCodeFromTheText() {
        ServerErrorText e = ServerErrorText.parse("Code: 701. DB::Exception: Requested cluster 'x' not found. "
                + "(CLUSTER_DOESNT_EXIST) (version 24.3.1.1)");

        assertThat(e.code()).isEqualTo(701);
        assertThat(e.name()).isEqualTo("CLUSTER_DOESNT_EXIST");
    }

    @Test
    void textThatIsNoClickHouseErrorKeepsCodeZero() {
        ServerErrorText e = ServerErrorText.parse("<html><body>502 Bad Gateway</body></html>\n");

        assertThat(e.code()).isZero();
        assertThat(e.name()).isNull();
        assertThat(e.message()).isEqualTo("<html><body>502 Bad Gateway</body></html>");
    }

    @Test
    void multiLineInsertParseErrorsKeepTheirCode() {
        ServerErrorText e = ServerErrorText.parse("Code: 27, e.displayText() = DB::Exception: Cannot parse input: "
                + "expected \\t before: abc\n\nRow 1:\nColumn 0,   name: x, type: UInt8, ERROR: text \"abc\"\n"
                + ", e.what() = DB::Exception\n");

        assertThat(e.code()).isEqualTo(27);
        assertThat(e.message()).contains("Row 1:");
    }

    @Test
    void completeErrorCheckIsStrictAboutTheEnd() {
        assertThat(ServerErrorText.isCompleteError("Code: 395, e.displayText() = DB::Exception: Value passed to "
                + "'throwIf' function is non zero, e.what() = DB::Exception\n")).isTrue();
        assertThat(ServerErrorText.isCompleteError("Code: 395. DB::Exception: boom. "
                + "(FUNCTION_THROW_IF_VALUE_IS_NON_ZERO) (version 25.1.6.34 (official build))\n")).isTrue();
        assertThat(ServerErrorText.isCompleteError("Code: 395. DB::Exception: boom")).isFalse();
        assertThat(ServerErrorText.isCompleteError("Code: 1, e.displayText() = x, e.what() = y\nmore rows")).isFalse();
    }
}

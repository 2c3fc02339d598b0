package io.chspring.client.transport;

import io.chspring.client.ServerErrorCodes;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An error as the server wrote it in a response body, parsed from either text form:
 * <ul>
 *   <li>up to 21.x: {@code Code: 62, e.displayText() = DB::Exception: Syntax error: ..., e.what() = DB::Exception}</li>
 *   <li>since 21.x: {@code Code: 62. DB::Exception: Syntax error: ... (SYNTAX_ERROR) (version 24.3.1.1)}</li>
 * </ul>
 * (server source: {@code getCurrentExceptionMessage} in {@code src/Common/Exception.cpp}).
 *
 * @param code the error code, 0 when the text carries none
 * @param name the symbolic name from the text or from {@link ServerErrorCodes}, or {@code null}
 * @param message the human part of the text (the display text), never {@code null}
 */
record ServerErrorText(int code, String name, String message) {

    private static final Pattern OLD_FORM = Pattern.compile(
            "Code: (\\d{1,9}), e\\.displayText\\(\\) = (.*), e\\.what\\(\\) = [^\\n]*", Pattern.DOTALL);
    private static final Pattern NEW_FORM = Pattern.compile("Code: (\\d{1,9})\\. (.*)", Pattern.DOTALL);
    private static final Pattern NEW_FORM_COMPLETE = Pattern.compile(
            "Code: (\\d{1,9})\\. .*\\(version [^\\n]*\\)", Pattern.DOTALL);
    private static final Pattern NAME = Pattern.compile("\\(([A-Z][A-Z0-9_]+)\\) \\(version [^\\n]*\\)\\s*$");
    private static final Pattern ANY_CODE = Pattern.compile("^\\s*Code: (\\d{1,9})");

    /** Parses a whole error body; text that is not a ClickHouse error yields code 0 and the text itself. */
    static ServerErrorText parse(String text) {
        String trimmed = text.strip();
        Matcher old = OLD_FORM.matcher(trimmed);
        if (old.matches()) {
            return of(Integer.parseInt(old.group(1)), null, old.group(2).strip());
        }
        Matcher modern = NEW_FORM.matcher(trimmed);
        if (modern.matches()) {
            Matcher name = NAME.matcher(modern.group(2));
            return of(Integer.parseInt(modern.group(1)), name.find() ? name.group(1) : null, modern.group(2).strip());
        }
        Matcher any = ANY_CODE.matcher(trimmed);
        if (any.find()) {
            return of(Integer.parseInt(any.group(1)), null, trimmed);
        }
        return new ServerErrorText(0, null, trimmed);
    }

    /**
     * Whether {@code text}, which runs to the end of a response, is exactly one complete error in either form.
     * Stricter than {@link #parse}: the modern form must end with its {@code (version ...)} trailer, because
     * this decides whether the last bytes of a 200 response are data or an error the server appended.
     */
    static boolean isCompleteError(String text) {
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return OLD_FORM.matcher(body).matches() || NEW_FORM_COMPLETE.matcher(body).matches();
    }

    /** An error with the given code; the name falls back to the {@link ServerErrorCodes} table. */
    static ServerErrorText of(int code, String name, String message) {
        String resolved = name != null ? name : ServerErrorCodes.name(code).orElse(null);
        return new ServerErrorText(code, resolved, message);
    }
}

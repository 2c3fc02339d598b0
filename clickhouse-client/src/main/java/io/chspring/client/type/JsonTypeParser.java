package io.chspring.client.type;

import java.util.ArrayList;
import java.util.List;

/**
 * The parameter list of {@code JSON(max_dynamic_paths=N, max_dynamic_types=M, a.b UInt32, SKIP x, SKIP REGEXP 're')},
 * see https://clickhouse.com/docs/sql-reference/data-types/newjson.
 */
final class JsonTypeParser {

    private final TypeParser p;

    JsonTypeParser(TypeParser parser) {
        this.p = parser;
    }

    ClickHouseType parse() {
        List<String> settings = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        List<ClickHouseType> types = new ArrayList<>();
        List<String> skips = new ArrayList<>();
        p.expect('(');
        do {
            if (p.lookingAtWord("SKIP")) {
                p.advance(4);
                if (p.lookingAtWord("REGEXP")) {
                    p.advance(6);
                    skips.add(TypePrinter.quote(new StringBuilder("SKIP REGEXP "), p.quoted(), '\'').toString());
                } else {
                    skips.add(TypePrinter.jsonPath(new StringBuilder("SKIP "), path()).toString());
                }
                continue;
            }
            String path = path();
            p.skipWs();
            if (p.peek() == '=') {
                p.advance(1);
                settings.add(path + "=" + p.number(0, Integer.MAX_VALUE, path));
            } else {
                paths.add(path);
                types.add(p.nestedType());
            }
        } while (p.comma());
        p.expect(')');
        return ClickHouseType.json(settings, paths, types, skips);
    }

    private String path() {
        StringBuilder sb = new StringBuilder();
        do {
            p.skipWs();
            String part = p.peek() == '`' ? p.quoted() : p.identifier();
            if (part.isEmpty()) {
                throw p.error("expected a JSON path");
            }
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(part);
        } while (dot());
        return sb.toString();
    }

    private boolean dot() {
        if (p.peek() == '.') {
            p.advance(1);
            return true;
        }
        return false;
    }
}

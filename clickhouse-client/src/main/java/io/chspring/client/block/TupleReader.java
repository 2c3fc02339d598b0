package io.chspring.client.block;

import io.chspring.client.type.ClickHouseType;
import java.util.ArrayList;
import java.util.List;

/** Tuple: each element as a whole column, one after the other. */
final class TupleReader implements NativeColumnReader {

    private final ClickHouseType type;
    private final NativeColumnReader[] elements;
    private final String[] suffixes;

    TupleReader(ClickHouseType type, NativeColumnReader[] elements) {
        this.type = type;
        this.elements = elements;
        this.suffixes = new String[elements.length];
        List<String> names = type.names();
        for (int i = 0; i < elements.length; i++) {
            String element = names == null ? null : names.get(i);
            suffixes[i] = "." + (element == null ? String.valueOf(i + 1) : element);
        }
    }

    @Override
    public void readPrefix(NativeInput in) {
        for (NativeColumnReader element : elements) {
            element.readPrefix(in);
        }
    }

    @Override
    public BlockColumn read(NativeInput in, String name, int rows) {
        List<BlockColumn> columns = new ArrayList<>(elements.length);
        for (int i = 0; i < elements.length; i++) {
            columns.add(elements[i].read(in, name + suffixes[i], rows));
        }
        return new TupleColumn(name, type, rows, columns, null);
    }
}

package io.chspring.data.mapping;

import io.chspring.client.mapping.NamingStrategy;
import java.util.HashMap;
import java.util.Map;
import org.springframework.data.mapping.MappingException;
import org.springframework.data.mapping.model.BasicPersistentEntity;
import org.springframework.data.core.TypeInformation;

/** An entity from its class and {@link Table}; checks at creation that no two properties share a column. */
final class BasicClickHousePersistentEntity<T> extends BasicPersistentEntity<T, ClickHousePersistentProperty>
        implements ClickHousePersistentEntity<T> {

    private final String tableName;

    BasicClickHousePersistentEntity(TypeInformation<T> information, NamingStrategy naming) {
        super(information);
        Table table = findAnnotation(Table.class);
        this.tableName = table != null && !table.value().isEmpty() ? table.value()
                : naming.columnName(information.getType().getSimpleName());
    }

    @Override
    public String getTableName() {
        return tableName;
    }

    @Override
    public void verify() {
        super.verify();
        Map<String, String> byColumn = new HashMap<>();
        for (ClickHousePersistentProperty p : this) {
            String previous = byColumn.putIfAbsent(p.getColumnName(), p.getName());
            if (previous != null) {
                throw new MappingException(getName() + " maps properties '" + previous + "' and '" + p.getName()
                        + "' to the same column '" + p.getColumnName() + "'");
            }
        }
    }
}

package io.chspring.data.mapping;

import io.chspring.client.mapping.NamingStrategy;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mapping.Association;
import org.springframework.data.mapping.model.AnnotationBasedPersistentProperty;
import org.springframework.data.mapping.model.Property;
import org.springframework.data.mapping.model.SimpleTypeHolder;

/** A property from its field/accessor and annotations; every property is a column value, never a nested entity. */
final class BasicClickHousePersistentProperty extends AnnotationBasedPersistentProperty<ClickHousePersistentProperty>
        implements ClickHousePersistentProperty {

    private final String columnName;

    BasicClickHousePersistentProperty(Property property, ClickHousePersistentEntity<?> owner,
            SimpleTypeHolder simpleTypeHolder, NamingStrategy naming) {
        super(property, owner, simpleTypeHolder);
        Column column = findAnnotation(Column.class);
        if (column != null && column.value().isEmpty()) {
            throw new org.springframework.data.mapping.MappingException("@Column on property '" + getName() + "' of "
                    + owner.getName() + " has an empty name");
        }
        this.columnName = column != null ? column.value() : naming.columnName(getName());
    }

    @Override
    public String getColumnName() {
        return columnName;
    }

    @Override
    public boolean isInsertable() {
        return isWritable() && (getGetter() != null || getField() != null);
    }

    // Nested records and POJOs are Tuple values, arrays and collections are Array values, all handled by the
    // client's codecs: no property is an entity of its own.
    @Override
    public boolean isEntity() {
        return false;
    }

    @Override
    protected @Nullable Association<ClickHousePersistentProperty> createAssociation() {
        return null;
    }
}

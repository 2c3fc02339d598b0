package io.chspring.client.mapping;

/** Derives a column name from a Java field or record component name; {@link Column} overrides it per field. */
@FunctionalInterface
public interface NamingStrategy {

    /** {@code userId} to {@code user_id}, {@code HTTPStatus} to {@code http_status}, {@code utf8Name} to {@code utf8_name}. */
    NamingStrategy SNAKE_CASE = NamingStrategies::snakeCase;

    /** The Java name unchanged. */
    NamingStrategy AS_IS = name -> name;

    /** The column name for the Java name {@code propertyName}. */
    String columnName(String propertyName);
}

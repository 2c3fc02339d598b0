package io.chspring.boot.autoconfigure;

import java.util.List;

/** {@link ClickHouseConnectionDetails} read from {@link ClickHouseProperties}. */
final class PropertiesClickHouseConnectionDetails implements ClickHouseConnectionDetails {

    private final ClickHouseProperties properties;

    PropertiesClickHouseConnectionDetails(ClickHouseProperties properties) {
        this.properties = properties;
    }

    @Override
    public String getUrl() {
        return properties.getUrl();
    }

    @Override
    public List<String> getEndpoints() {
        return List.copyOf(properties.getEndpoints());
    }

    @Override
    public String getUsername() {
        return properties.getUsername();
    }

    @Override
    public String getPassword() {
        return properties.getPassword();
    }

    @Override
    public String getDatabase() {
        return properties.getDatabase();
    }
}

package io.chspring.boot.autoconfigure.testcontainers;

import io.chspring.boot.autoconfigure.ClickHouseConnectionDetails;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;
import org.testcontainers.clickhouse.ClickHouseContainer;

/**
 * Creates {@link ClickHouseConnectionDetails} from a {@code @ServiceConnection}-annotated
 * {@link ClickHouseContainer}: its HTTP URL, user, password and database.
 *
 * <p>Spring Boot's JDBC and R2DBC factories match the same container, so annotate it with
 * {@code @ServiceConnection(type = ClickHouseConnectionDetails.class)} when those are on the class path too.
 */
class ClickHouseContainerConnectionDetailsFactory
        extends ContainerConnectionDetailsFactory<ClickHouseContainer, ClickHouseConnectionDetails> {

    @Override
    protected ClickHouseConnectionDetails getContainerConnectionDetails(
            ContainerConnectionSource<ClickHouseContainer> source) {
        return new ClickHouseContainerConnectionDetails(source);
    }

    /** The details of a started container; the container is started on first use. */
    private static final class ClickHouseContainerConnectionDetails
            extends ContainerConnectionDetails<ClickHouseContainer> implements ClickHouseConnectionDetails {

        private ClickHouseContainerConnectionDetails(ContainerConnectionSource<ClickHouseContainer> source) {
            super(source);
        }

        @Override
        public String getUrl() {
            return ContainerMapping.url(getContainer());
        }

        @Override
        public String getUsername() {
            return getContainer().getUsername();
        }

        @Override
        public String getPassword() {
            return getContainer().getPassword();
        }

        @Override
        public String getDatabase() {
            return ContainerMapping.database(getContainer());
        }
    }
}

package io.chspring.boot.autoconfigure.migrations;

import io.chspring.migrations.ClickHouseMigrations;
import io.chspring.migrations.MigrationReport;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.InitializingBean;

/**
 * Runs the migrations when the context creates it. The template, the repositories and the Inserter beans depend on
 * this bean ({@link MigrationsDependencyPostProcessor}), so the tables exist before anything reads their columns.
 */
public class ClickHouseMigrationsInitializer implements InitializingBean {

    private final ClickHouseMigrations migrations;
    private volatile @Nullable MigrationReport report;

    /** Runs {@code migrations} at initialization. */
    public ClickHouseMigrationsInitializer(ClickHouseMigrations migrations) {
        this.migrations = migrations;
    }

    @Override
    public void afterPropertiesSet() {
        report = migrations.migrate();
    }

    /** What the startup run did; null before it ran. */
    public @Nullable MigrationReport getReport() {
        return report;
    }
}

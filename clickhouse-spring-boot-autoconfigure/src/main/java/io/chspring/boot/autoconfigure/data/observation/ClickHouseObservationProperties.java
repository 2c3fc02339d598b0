package io.chspring.boot.autoconfigure.data.observation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Observations of the client's requests ({@code clickhouse.observations.*}). */
@ConfigurationProperties("clickhouse.observations")
public class ClickHouseObservationProperties {

    /**
     * Whether client request observations record the SQL as db.query.text, with every literal value replaced by '?'.
     * Off by default: table and column names still show.
     */
    private boolean includeQueryText;

    public boolean isIncludeQueryText() {
        return includeQueryText;
    }

    public void setIncludeQueryText(boolean includeQueryText) {
        this.includeQueryText = includeQueryText;
    }
}

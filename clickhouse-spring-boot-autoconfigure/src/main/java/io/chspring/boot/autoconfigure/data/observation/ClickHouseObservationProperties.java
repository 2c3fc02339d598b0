package io.chspring.boot.autoconfigure.data.observation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Observations of the client's requests ({@code clickhouse.observations.*}). */
@ConfigurationProperties("clickhouse.observations")
public class ClickHouseObservationProperties {

    /**
     * Whether observations record the SQL as db.query.text: a client request's with every literal value replaced by
     * '?', a template operation's as the application wrote it (placeholders, no bound values). Off by default.
     */
    private boolean includeQueryText;

    public boolean isIncludeQueryText() {
        return includeQueryText;
    }

    public void setIncludeQueryText(boolean includeQueryText) {
        this.includeQueryText = includeQueryText;
    }
}

package io.chspring.benchmarks;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Properties;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** Spring's {@code JdbcTemplate} over the official JDBC driver (com.clickhouse:clickhouse-jdbc 0.11.0). */
final class JdbcScenarios {

    static final int BATCH = 100_000;

    private JdbcScenarios() {
    }

    static JdbcTemplate template(E2eFork.Target t) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", "default");
        props.setProperty("password", "");
        props.setProperty("compress", Boolean.toString(t.lz4()));
        props.setProperty("decompress", Boolean.toString(t.lz4()));
        props.setProperty("client.use_http_compression", "false");
        String url = "jdbc:clickhouse://" + t.host() + ":" + t.port() + "/bench";
        return new JdbcTemplate(new SimpleDriverDataSource(new com.clickhouse.jdbc.Driver(), url, props));
    }

    /**
     * {@code batchUpdate} with the usual setters; {@code epochSeconds} binds the DateTime as a number instead of a
     * {@code Timestamp} (the driver renders a Timestamp with a function 18.16 lacks).
     */
    static long insert(E2eFork.Target t, boolean epochSeconds) throws SQLException {
        JdbcTemplate jdbc = template(t);
        String sql = "INSERT INTO " + t.table() + " (id, ts, user_id, url, referrer, duration, status, comment, tags, kind)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        long rows = 0;
        for (long start = 0; start < t.rows(); start += BATCH) {
            long first = start;
            int size = (int) Math.min(BATCH, t.rows() - start);
            int[] counts = jdbc.batchUpdate(sql, new BatchPreparedStatementSetter() {
                @Override
                public void setValues(PreparedStatement ps, int i) throws SQLException {
                    Event e = t.events().row(first + i);
                    ps.setLong(1, e.id());
                    if (epochSeconds) {
                        ps.setLong(2, e.ts().getEpochSecond());
                    } else {
                        ps.setTimestamp(2, Timestamp.from(e.ts()));
                    }
                    ps.setLong(3, e.userId());
                    ps.setString(4, e.url());
                    ps.setString(5, e.referrer());
                    ps.setDouble(6, e.duration());
                    ps.setInt(7, e.status());
                    ps.setString(8, e.comment());
                    ps.setObject(9, e.tags());
                    ps.setString(10, e.kind().name());
                }

                @Override
                public int getBatchSize() {
                    return size;
                }
            });
            rows += counts.length;
        }
        return rows;
    }

    static long read(E2eFork.Target t) throws SQLException {
        long[] rows = {0};
        template(t).query("SELECT * FROM " + t.table(), rs -> {
            EventBean b = new EventBean();
            b.setId(rs.getLong(1));
            b.setTs(rs.getTimestamp(2).toLocalDateTime());
            b.setUserId(rs.getLong(3));
            b.setUrl(rs.getString(4));
            b.setReferrer(rs.getString(5));
            b.setDuration(rs.getDouble(6));
            b.setStatus(rs.getInt(7));
            b.setComment(rs.getString(8));
            b.setTags(null);
            rs.getArray(9);
            b.setKind(rs.getString(10));
            rows[0]++;
        });
        return rows[0];
    }
}

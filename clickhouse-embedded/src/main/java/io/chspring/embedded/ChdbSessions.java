package io.chspring.embedded;

import io.chspring.client.ClickHouseServerException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The sessions of one transport: a chDB connection per {@code session_id}, so temporary tables and {@code SET}
 * values persist between its requests as over HTTP. A session serves one request at a time (a second concurrent one
 * fails with code 373, as on a server) and is closed after its timeout of idleness (60 s unless the request says
 * otherwise, the server's {@code default_session_timeout}); expired sessions are swept on each acquire.
 */
final class ChdbSessions {

    /** The server's {@code default_session_timeout}. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /** ClickHouse error SESSION_IS_LOCKED. */
    static final int SESSION_IS_LOCKED = 373;

    private final ChdbEngine engine;
    private final Map<String, Session> sessions = new HashMap<>();
    private boolean closed;

    ChdbSessions(ChdbEngine engine) {
        this.engine = engine;
    }

    /** The session's connection, opened on first use; marks it busy until {@link #release}. */
    ChdbConnection acquire(String id, String queryId) {
        List<ChdbConnection> expired = new ArrayList<>();
        ChdbConnection result;
        synchronized (this) {
            long now = System.nanoTime();
            for (Iterator<Session> it = sessions.values().iterator(); it.hasNext();) {
                Session s = it.next();
                if (!s.busy && now - s.expiresAt > 0) {
                    expired.add(s.connection);
                    it.remove();
                }
            }
            Session session = sessions.get(id);
            if (session != null && session.busy) {
                throw new ClickHouseServerException("Session " + id + " is locked by a concurrent client.",
                        SESSION_IS_LOCKED, "SESSION_IS_LOCKED", ChdbErrors.BEFORE_DATA, queryId, true);
            }
            if (session == null) {
                session = new Session(engine.connect());
                sessions.put(id, session);
            }
            session.busy = true;
            result = session.connection;
        }
        expired.forEach(ChdbConnection::close);
        return result;
    }

    /** Ends a request in the session; its idle timeout starts now. */
    void release(String id, ChdbConnection connection, Duration timeout) {
        boolean closeNow;
        synchronized (this) {
            Session session = sessions.get(id);
            closeNow = closed || session == null || session.connection != connection;
            if (!closeNow) {
                session.busy = false;
                session.expiresAt = System.nanoTime() + (timeout != null ? timeout : DEFAULT_TIMEOUT).toNanos();
            } else if (session != null && session.connection == connection) {
                sessions.remove(id);
            }
        }
        if (closeNow) {
            connection.close();
        }
    }

    /** Closes the idle sessions; busy ones close when their request ends. */
    void close() {
        List<ChdbConnection> idle = new ArrayList<>();
        synchronized (this) {
            closed = true;
            for (Iterator<Session> it = sessions.values().iterator(); it.hasNext();) {
                Session s = it.next();
                if (!s.busy) {
                    idle.add(s.connection);
                    it.remove();
                }
            }
        }
        idle.forEach(ChdbConnection::close);
    }

    private static final class Session {
        final ChdbConnection connection;
        boolean busy;
        long expiresAt;

        Session(ChdbConnection connection) {
            this.connection = connection;
        }
    }
}

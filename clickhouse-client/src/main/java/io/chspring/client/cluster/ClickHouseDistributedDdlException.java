package io.chspring.client.cluster;

import io.chspring.client.ClickHouseServerException;
import java.io.Serial;
import org.jspecify.annotations.Nullable;

/**
 * Distributed ({@code ON CLUSTER}) DDL did not run everywhere: some hosts failed or had not finished when the
 * server stopped waiting. {@link #outcome()} names them; the message too. Hosts that had not finished run the
 * statement when they are back (the server keeps the task in ZooKeeper), so the cluster converges unless one failed.
 */
public class ClickHouseDistributedDdlException extends ClickHouseServerException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Kept as a serializable copy: the outcome is a record of lists and strings. */
    private final DistributedDdlOutcome outcome;

    /**
     * @param cluster the cluster the statement ran on
     * @param outcome what each host did
     * @param errorCode the server's code (159 for a timeout, or the failing host's code)
     * @param httpStatus the HTTP status of the answer
     * @param queryId the request's query id
     */
    public ClickHouseDistributedDdlException(String cluster, DistributedDdlOutcome outcome, int errorCode,
            int httpStatus, @Nullable String queryId) {
        super("ON CLUSTER " + cluster + ": " + outcome.describe(), errorCode, null, httpStatus, queryId, false);
        this.outcome = outcome;
    }

    /** What each host did: the failed hosts and those that had not finished. */
    public DistributedDdlOutcome outcome() {
        return outcome;
    }
}

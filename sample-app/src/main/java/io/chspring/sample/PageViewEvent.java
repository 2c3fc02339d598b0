package io.chspring.sample;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A page view as clients post it: {@code path} and {@code userId} are required, the rest optional.
 *
 * @param ts when the page was viewed; the arrival time when absent
 * @param path the page
 * @param userId an opaque visitor id
 * @param referrer where the visitor came from
 * @param durationMs time on the page in milliseconds
 */
record PageViewEvent(Instant ts, String path, String userId, String referrer, Long durationMs) {

    /** UInt32 is the column type: a larger value would wrap on the server, so it is refused here. */
    private static final long MAX_DURATION_MS = 0xFFFF_FFFFL;

    /** The row to insert, or a 400 naming the field at fault. */
    PageView toRow(Clock clock) {
        if (path == null || path.isBlank()) {
            throw badRequest("path is required");
        }
        if (userId == null || userId.isBlank()) {
            throw badRequest("userId is required");
        }
        if (durationMs != null && (durationMs < 0 || durationMs > MAX_DURATION_MS)) {
            throw badRequest("durationMs must be 0.." + MAX_DURATION_MS + ": " + durationMs);
        }
        // DateTime holds whole seconds; truncating here keeps what is stored equal to what the row says.
        Instant time = (ts != null ? ts : clock.instant()).truncatedTo(ChronoUnit.SECONDS);
        return new PageView(UUID.randomUUID(), time, path, userId, referrer == null ? "" : referrer,
                durationMs == null ? 0 : durationMs);
    }

    private static ResponseStatusException badRequest(String reason) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, reason);
    }
}

package io.chspring.client.observation;

import java.util.Locale;

/** What became of an Inserter batch. */
public enum BatchOutcome {
    /** The server committed it. */
    COMMITTED,
    /** It failed for good and the failure handler kept it (the default handler spools it to disk). */
    SPOOLED,
    /** It failed for good and the failure handler could not keep it: its rows are lost (logged at ERROR). */
    LOST,
    /** {@code close()} handed it to the failure handler while an attempt was on the wire. */
    ABANDONED_AT_CLOSE,
    /** A replayed spooled batch failed; its spool file stays for the next replay. */
    FAILED;

    /** The lower-case name, for example {@code "spooled"}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}

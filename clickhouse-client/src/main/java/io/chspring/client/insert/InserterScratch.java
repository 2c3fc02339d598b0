package io.chspring.client.insert;

import java.io.ByteArrayOutputStream;

/**
 * A per-thread buffer that one row is encoded into before it is appended to a batch, so an encoder that
 * fails halfway leaves no partial row behind. Reused across calls; dropped when a huge row made it large.
 */
final class InserterScratch extends ByteArrayOutputStream {

    private static final int KEEP_AT_MOST = 1 << 20;
    private static final ThreadLocal<InserterScratch> CURRENT = ThreadLocal.withInitial(InserterScratch::new);

    private InserterScratch() {
        super(256);
    }

    /** This thread's scratch, emptied. */
    static InserterScratch acquire() {
        InserterScratch scratch = CURRENT.get();
        scratch.reset();
        return scratch;
    }

    /** The backing array; valid up to {@link #size()}. */
    byte[] array() {
        return buf;
    }

    /** Lets a buffer that grew for one huge row be collected rather than pinned to the thread. */
    void release() {
        if (buf.length > KEEP_AT_MOST) {
            CURRENT.remove();
        }
    }
}

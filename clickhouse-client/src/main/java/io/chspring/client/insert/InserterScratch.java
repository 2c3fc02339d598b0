package io.chspring.client.insert;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A buffer that one row is encoded into before it is appended to a batch (or handed to an {@link Insert}'s pipe), so
 * an encoder that fails halfway leaves no partial row behind. Reused across calls; dropped when a huge row made it large.
 *
 * <p>Not a {@code ByteArrayOutputStream}: its methods are {@code synchronized}, three uncontended monitor
 * acquisitions per row (reset, write, size) on a buffer only its own thread ever touches.
 */
final class InserterScratch extends OutputStream {

    private static final int KEEP_AT_MOST = 1 << 20;
    private static final ThreadLocal<InserterScratch> CURRENT = ThreadLocal.withInitial(InserterScratch::new);

    private byte[] buf = new byte[256];
    private int count;

    /** A scratch of one's own (a streaming {@link Insert} has one); inserters share per-thread ones. */
    InserterScratch() {
    }

    /** This thread's scratch, emptied. */
    static InserterScratch acquire() {
        InserterScratch scratch = CURRENT.get();
        scratch.reset();
        return scratch;
    }

    /** Empties the scratch. */
    void reset() {
        count = 0;
    }

    @Override
    public void write(int b) {
        ensure(1);
        buf[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        ensure(len);
        System.arraycopy(b, off, buf, count, len);
        count += len;
    }

    private void ensure(int more) {
        if (more > buf.length - count) {
            long wanted = Math.max((long) count + more, 2L * buf.length);
            if (wanted > Integer.MAX_VALUE - 8) {
                if ((long) count + more > Integer.MAX_VALUE - 8) {
                    throw new OutOfMemoryError("an encoded row of more than 2 GiB");
                }
                wanted = Integer.MAX_VALUE - 8;
            }
            buf = Arrays.copyOf(buf, (int) wanted);
        }
    }

    /** Drops what was written after the first {@code size} bytes (a row that failed to encode). */
    void truncate(int size) {
        count = size;
    }

    /** The bytes written since {@link #acquire()}. */
    int size() {
        return count;
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

package io.chspring.client.insert;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A buffer that rows are encoded into before they are appended to an inserter's batch or handed to an
 * {@link Insert}'s request, so an encoder that fails halfway leaves no partial row behind. Reused across calls;
 * dropped when a huge row made it large. Internal: public only for the inserter's package.
 *
 * <p>Not a {@code ByteArrayOutputStream}: its methods are {@code synchronized}, three uncontended monitor
 * acquisitions per row (reset, write, size) on a buffer only its own thread ever touches.
 */
public final class RowScratch extends OutputStream {

    private static final int KEEP_AT_MOST = 1 << 20;
    private static final ThreadLocal<RowScratch> CURRENT = ThreadLocal.withInitial(RowScratch::new);

    private byte[] buf = new byte[256];
    private int count;

    /** A scratch of one's own (a streaming {@link Insert} has one); inserters share per-thread ones. */
    public RowScratch() {
    }

    /** This thread's scratch, emptied. */
    public static RowScratch acquire() {
        RowScratch scratch = CURRENT.get();
        scratch.reset();
        return scratch;
    }

    /** Empties the scratch. */
    public void reset() {
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
    public void truncate(int size) {
        count = size;
    }

    /** The bytes written since {@link #acquire()}. */
    public int size() {
        return count;
    }

    /** The backing array; valid up to {@link #size()}. */
    public byte[] array() {
        return buf;
    }

    /** Lets a buffer that grew for one huge row be collected rather than pinned to the thread. */
    public void release() {
        if (buf.length > KEEP_AT_MOST) {
            CURRENT.remove();
        }
    }
}

package io.chspring.client.insert;

import io.chspring.client.ClickHouseTransportException;
import io.chspring.client.transport.BodyWriter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Hands encoded rows from the thread that calls {@link Insert#write} to the thread that writes the request body,
 * in chunks through a small bounded queue (at most {@value #CHUNKS} chunks of {@value #CHUNK} bytes wait), so an
 * insert of any size streams in constant memory. Chunks the body writer is done with come back through a second
 * queue and are filled again, so a long insert allocates a handful of chunks, not one per 64 KiB. An {@link #abort()} makes the body writer fail, and the transport
 * then drops the connection in the middle of the chunked body: the server sees a broken request, not an end.
 */
final class RowPipe extends OutputStream implements BodyWriter {

    static final int CHUNK = 64 * 1024;
    static final int CHUNKS = 4;

    private static final byte[] END = new byte[0];
    private static final byte[] ABORT = new byte[0];

    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(CHUNKS + 1);
    /** Chunks written out, ready to be filled again; never more than all chunks in use. */
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CHUNKS + 2);
    private byte[] chunk = new byte[CHUNK];
    private int pos;
    private volatile boolean readerDone;
    private volatile Throwable readerFailure;

    @Override
    public void write(int b) {
        if (pos == chunk.length) {
            handOff(chunk);
            chunk = nextChunk();
            pos = 0;
        }
        chunk[pos++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        while (len > 0) {
            if (pos == chunk.length) {
                handOff(chunk);
                chunk = nextChunk();
                pos = 0;
            }
            int n = Math.min(len, chunk.length - pos);
            System.arraycopy(b, off, chunk, pos, n);
            pos += n;
            off += n;
            len -= n;
        }
    }

    private byte[] nextChunk() {
        byte[] c = free.poll();
        return c != null ? c : new byte[CHUNK];
    }

    /** Sends what is buffered and the end mark; the body then completes. */
    void finish() {
        if (pos > 0) {
            handOff(Arrays.copyOf(chunk, pos));
            pos = 0;
        }
        handOff(END);
    }

    /** Drops what waits and makes the body writer fail. */
    void abort() {
        queue.clear();
        queue.offer(ABORT);
    }

    /** Called by the sending thread when the request ended, well or not. */
    void readerDone(Throwable failure) {
        readerFailure = failure;
        readerDone = true;
    }

    private void handOff(byte[] c) {
        try {
            while (!queue.offer(c, 50, TimeUnit.MILLISECONDS)) {
                if (readerDone) {
                    throw new ClickHouseTransportException("The INSERT request ended before all rows were sent",
                            readerFailure);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClickHouseTransportException("Interrupted while sending INSERT rows", e);
        }
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        try {
            while (true) {
                byte[] c = queue.take();
                if (c == END) {
                    return;
                }
                if (c == ABORT) {
                    throw new IOException("INSERT aborted: closed without end(); the body is left incomplete so the "
                            + "server stores no rows of it");
                }
                out.write(c);
                if (c.length == CHUNK) {
                    free.offer(c); // the stream is done with it once write returns
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while writing INSERT rows");
        }
    }
}

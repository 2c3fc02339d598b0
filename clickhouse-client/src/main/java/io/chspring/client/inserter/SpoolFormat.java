package io.chspring.client.inserter;

import io.chspring.client.ClickHouseException;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;

/**
 * The spool file: 8 bytes {@code CHSPOOL1}, a 4-byte big-endian header length, the header as UTF-8
 * {@link Properties} text (table, columns, token, rows, bytes, created-at, failed-at, last error), then
 * exactly {@code bytes} bytes of RowBinary payload. A file whose size disagrees with its header is
 * rejected, so a torn write can never pass for a complete batch; files are also written under a
 * temporary name, forced to disk and then atomically renamed.
 */
final class SpoolFormat {

    static final String SUFFIX = ".chbatch";
    private static final byte[] MAGIC = "CHSPOOL1".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_HEADER = 1 << 20;
    private static final int MAX_ERROR_CHARS = 4000;

    private SpoolFormat() {
    }

    /** Writes {@code batch} into {@code directory}; returns the complete file. */
    static Path write(Path directory, Batch batch, String lastError, Instant failedAt) throws IOException {
        Files.createDirectories(directory);
        String name = String.format("batch-%013d-%s%s", batch.createdAt().toEpochMilli(),
                batch.dedupToken().replaceAll("[^A-Za-z0-9_.-]", "_"), SUFFIX);
        Path target = directory.resolve(name);
        Path temp = directory.resolve("." + name + ".tmp");
        byte[] header = header(batch, lastError, failedAt);
        try (FileChannel channel = openNew(temp)) {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16));
            out.write(MAGIC);
            out.writeInt(header.length);
            out.write(header);
            long[] payload = {0};
            batch.writeTo(new FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    payload[0] += len;
                }

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    payload[0]++;
                }
            });
            out.flush();
            if (payload[0] != batch.bytes()) {
                throw new IOException("batch " + batch.dedupToken() + " wrote " + payload[0]
                        + " payload bytes but declares " + batch.bytes());
            }
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    private static FileChannel openNew(Path file) throws IOException {
        var options = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            // Spooled rows are user data: keep them private to the service account where the OS allows.
            return FileChannel.open(file, options, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            return FileChannel.open(file, options);
        }
    }

    private static byte[] header(Batch batch, String lastError, Instant failedAt) throws IOException {
        Properties p = new Properties();
        p.setProperty("format", "1");
        p.setProperty("table", batch.table());
        List<String> columns = batch.columns();
        p.setProperty("columns", Integer.toString(columns.size()));
        for (int i = 0; i < columns.size(); i++) {
            p.setProperty("column." + i, columns.get(i));
        }
        p.setProperty("token", batch.dedupToken());
        p.setProperty("rows", Long.toString(batch.rows()));
        p.setProperty("bytes", Long.toString(batch.bytes()));
        p.setProperty("createdAt", batch.createdAt().toString());
        p.setProperty("failedAt", failedAt.toString());
        String error = lastError == null ? "" : lastError;
        if (error.length() > MAX_ERROR_CHARS) {
            error = error.substring(0, MAX_ERROR_CHARS) + "... (" + (error.length() - MAX_ERROR_CHARS) + " more chars)";
        }
        p.setProperty("lastError", error);
        StringWriter text = new StringWriter();
        p.store(text, "chspring inserter spool file; RowBinary payload follows");
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads and validates the header of a spool file. */
    static SpooledBatch read(Path file) {
        try (InputStream raw = Files.newInputStream(file)) {
            DataInputStream in = new DataInputStream(raw);
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw corrupt(file, "it does not start with CHSPOOL1");
            }
            int headerLength = in.readInt();
            if (headerLength < 0 || headerLength > MAX_HEADER) {
                throw corrupt(file, "header length " + headerLength + " is out of range");
            }
            byte[] headerBytes = in.readNBytes(headerLength);
            if (headerBytes.length != headerLength) {
                throw corrupt(file, "the header is truncated");
            }
            Properties p = new Properties();
            p.load(new StringReader(new String(headerBytes, StandardCharsets.UTF_8)));
            long offset = MAGIC.length + 4L + headerLength;
            long bytes = Long.parseLong(required(p, "bytes", file));
            long size = Files.size(file);
            if (size != offset + bytes) {
                throw corrupt(file, "it holds " + (size - offset) + " payload bytes, its header says " + bytes);
            }
            int count = Integer.parseInt(required(p, "columns", file));
            List<String> columns = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                columns.add(required(p, "column." + i, file));
            }
            return new SpooledBatch(file, offset, required(p, "table", file), columns, required(p, "token", file),
                    Long.parseLong(required(p, "rows", file)), bytes, Instant.parse(required(p, "createdAt", file)),
                    Instant.parse(required(p, "failedAt", file)), p.getProperty("lastError", ""));
        } catch (IOException | RuntimeException e) {
            if (e instanceof ClickHouseException clickHouseException) {
                throw clickHouseException;
            }
            throw new ClickHouseException("Spool file " + file + " cannot be read: " + e, e);
        }
    }

    private static String required(Properties p, String key, Path file) {
        String value = p.getProperty(key);
        if (value == null) {
            throw corrupt(file, "its header lacks '" + key + "'");
        }
        return value;
    }

    private static ClickHouseException corrupt(Path file, String why) {
        return new ClickHouseException("Spool file " + file + " is not a complete spooled batch: " + why);
    }

    /** Copies exactly {@code length} bytes from {@code offset} of {@code file} to {@code out}. */
    static void copyPayload(Path file, long offset, long length, OutputStream out) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.position(offset);
            InputStream in = Channels.newInputStream(channel);
            byte[] buffer = new byte[1 << 16];
            long left = length;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new IOException("Spool file " + file + " ended " + left + " bytes early");
                }
                out.write(buffer, 0, n);
                left -= n;
            }
        }
    }
}

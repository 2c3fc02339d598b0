package io.chspring.embedded;

import com.sun.jna.Library;
import com.sun.jna.Pointer;

/**
 * The part of chDB's C API ({@code chdb.h}, chDB 26.5) this module calls. Handles stay opaque {@link Pointer}s;
 * strings go as explicit byte arrays with lengths (the {@code _n} variants), so SQL and values are binary-safe.
 * {@code size_t} is a {@code long}: the library ships for 64-bit Linux only.
 */
interface ChdbApi extends Library {

    /** Returns a pointer <i>to</i> the connection handle, or NULL (for example for a second data path). */
    Pointer chdb_connect(int argc, String[] argv);

    /** Takes the pointer {@link #chdb_connect} returned. */
    void chdb_close_conn(Pointer connectionPointer);

    Pointer chdb_query_n(Pointer conn, byte[] query, long queryLength, byte[] format, long formatLength);

    Pointer chdb_query_with_params_n(Pointer conn, byte[] query, long queryLength, byte[] format, long formatLength,
            Pointer[] names, long[] nameLengths, Pointer[] values, long[] valueLengths, long count);

    Pointer chdb_stream_query_with_params_n(Pointer conn, byte[] query, long queryLength, byte[] format,
            long formatLength, Pointer[] names, long[] nameLengths, Pointer[] values, long[] valueLengths, long count);

    Pointer chdb_stream_fetch_result(Pointer conn, Pointer stream);

    void chdb_stream_cancel_query(Pointer conn, Pointer stream);

    Pointer chdb_result_buffer(Pointer result);

    long chdb_result_length(Pointer result);

    double chdb_result_elapsed(Pointer result);

    long chdb_result_rows_read(Pointer result);

    long chdb_result_bytes_read(Pointer result);

    long chdb_result_rows_written(Pointer result);

    long chdb_result_bytes_written(Pointer result);

    /** The error text, or NULL; owned by the result. */
    Pointer chdb_result_error(Pointer result);

    /** Frees a result or a stream handle; always called, also after an error. */
    void chdb_destroy_query_result(Pointer result);
}

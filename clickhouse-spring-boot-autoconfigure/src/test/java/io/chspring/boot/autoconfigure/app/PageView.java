package io.chspring.boot.autoconfigure.app;

import io.chspring.data.mapping.Table;

/** A test entity whose table name comes from its class name. */
@Table
public record PageView(long id, String url) {
}

package io.chspring.benchmarks;

/** The Enum8 column of the benchmark row; constant names equal the ClickHouse enum names. */
public enum Kind {
    view, click, purchase, error
}

package io.chspring.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A page-view analytics service on the chspring starter: {@code POST /events} buffers rows in the
 * {@code Inserter<PageView>} bean, {@code GET /stats/...} answers from {@link PageViewRepository}, {@code /} draws views
 * per minute. Without {@code clickhouse.url} it runs on a development engine (see {@code io.chspring.sample.dev}).
 */
@SpringBootApplication
public class SampleApplication {

    /** Starts the service. */
    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }
}

package io.chspring.client.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReaderCacheTests {

    @Test
    void buildsOncePerKeyAndNeverStoresAFailedBuild() {
        ReaderCache cache = new ReaderCache();
        AtomicInteger builds = new AtomicInteger();
        Object first = cache.get("k", () -> "reader" + builds.incrementAndGet());
        assertThat(cache.get("k", () -> "reader" + builds.incrementAndGet())).isSameAs(first);
        assertThat(builds).hasValue(1);
        assertThatThrownBy(() -> cache.get("bad", () -> {
            throw new IllegalStateException("schema mismatch");
        })).hasMessage("schema mismatch");
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void staysBounded() {
        ReaderCache cache = new ReaderCache();
        for (int i = 0; i < 3 * ReaderCache.MAX_ENTRIES; i++) {
            int n = i;
            assertThat(cache.<Integer>get(n, () -> n)).isEqualTo(n);
            assertThat(cache.size()).isLessThanOrEqualTo(ReaderCache.MAX_ENTRIES);
        }
    }
}

package io.chspring.client.compression;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * zstd-jni is optional: a client that picks ZSTD without it fails with a message naming the dependency, and LZ4 keeps
 * working. The client's classes are loaded here from a class path without the zstd-jni jar.
 */
class ZstdMissingTests {

    @Test
    void zstdWithoutTheJarNamesTheDependency() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.contains("zstd-jni")) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Class<?> codec = loader.loadClass(FrameCodec.class.getName());
            assertThat(codec).isNotSameAs(FrameCodec.class);
            Object lz4 = codec.getMethod("lz4").invoke(null);
            assertThat(lz4).hasToString("LZ4");
            Throwable failure = null;
            try {
                codec.getMethod("zstd", int.class).invoke(null, 3);
            } catch (InvocationTargetException e) {
                failure = e.getCause();
            }
            assertThat(failure).isNotNull();
            assertThat(failure.getClass().getName()).isEqualTo("io.chspring.client.ClickHouseConfigurationException");
            assertThat(failure.getMessage()).contains("ZSTD compression needs com.github.luben:zstd-jni")
                    .contains("LZ4, LZ4HC or NONE");
        }
    }
}

package io.chspring.docs;

import io.chspring.docs.SnippetSources.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles sources in process with the JDK's compiler against this module's test class path (every user-facing
 * module), and reports each error at the Markdown file and line it comes from.
 */
final class SnippetCompiler {

    private SnippetCompiler() {
    }

    /** The class path of the running tests: Surefire's real one, not its manifest-only booter jar. */
    static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    /**
     * Compiles {@code sources} into {@code output} and returns one line per error, {@code FILE.md:LINE: message},
     * empty when everything compiled.
     */
    static List<String> compile(List<Source> sources, Function<Source, String> markdownName, Path output) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new AssertionError("no system Java compiler: run the tests on a JDK, not a JRE");
        }
        Map<URI, Source> byUri = sources.stream().collect(Collectors.toMap(SnippetCompiler::uri, s -> s));
        List<JavaFileObject> files = new ArrayList<>();
        sources.forEach(source -> files.add(new SimpleJavaFileObject(uri(source), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source.text();
            }
        }));
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of("-d", output.toString(), "-classpath", testClassPath(), "--release", "17",
                "-proc:none", "-parameters", "-encoding", "UTF-8", "-implicit:none");
        try (StandardJavaFileManager files0 = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            compiler.getTask(null, files0, diagnostics, options, null, files).call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            Source source = d.getSource() == null ? null : byUri.get(d.getSource().toUri());
            String where = source == null ? "(no source)"
                    : markdownName.apply(source) + ":" + (source.block().firstLine() + (int) d.getLineNumber() - 1);
            errors.add(where + ": " + d.getMessage(Locale.ROOT).lines().findFirst().orElse(""));
        }
        return errors;
    }

    private static URI uri(Source source) {
        return URI.create("string:///" + source.path());
    }
}

package io.chspring.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fenced code blocks of a Markdown file, each with the line its code starts on and the marker comment right
 * above its fence, if any. Markers are HTML comments, invisible on a rendered page:
 * <ul>
 * <li>{@code <!-- fragment: why -->}: not meant to compile alone; listed by the tests, never compiled;</li>
 * <li>{@code <!-- compiles with the block above -->}: compiled together with the previous Java block;</li>
 * <li>{@code <!-- file: path -->}: a file of the getting-started project, at that path.</li>
 * </ul>
 */
record MarkdownBlocks(Path file, List<Block> blocks) {

    private static final Pattern FENCE = Pattern.compile("^(\\s*)```\\s*([\\w.+-]*)\\s*$");
    private static final Pattern MARKER = Pattern.compile("^\\s*<!--\\s*(fragment|compiles with the block above|file)"
            + "\\s*(?::\\s*(.*?))?\\s*-->\\s*$");

    /** A marker: what it says and its argument (the reason of a fragment, the path of a file). */
    record Marker(String kind, String argument, int line) {

        boolean fragment() {
            return kind.equals("fragment");
        }

        boolean joinsPrevious() {
            return kind.equals("compiles with the block above");
        }

        boolean file() {
            return kind.equals("file");
        }
    }

    /**
     * One fenced block.
     *
     * @param language the info string ({@code java}, {@code xml}, ...), empty when none
     * @param firstLine the 1-based line of the Markdown file that holds the block's first line of code
     * @param code the code, one element per line, the fence's indentation removed
     * @param marker the marker comment on the line above the fence, or {@code null}
     */
    record Block(String language, int firstLine, List<String> code, Marker marker) {

        boolean java() {
            return language.equals("java");
        }

        String text() {
            return String.join("\n", code) + "\n";
        }
    }

    static MarkdownBlocks read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            String indent = open.group(1);
            Marker marker = null;
            if (i > 0) {
                Matcher m = MARKER.matcher(lines.get(i - 1));
                if (m.matches()) {
                    marker = new Marker(m.group(1), m.group(2), i);
                }
            }
            List<String> code = new ArrayList<>();
            int j = i + 1;
            while (j < lines.size() && !lines.get(j).strip().equals("```")) {
                String line = lines.get(j);
                code.add(line.startsWith(indent) ? line.substring(indent.length()) : line.stripLeading());
                j++;
            }
            if (j == lines.size()) {
                throw new AssertionError(file + ":" + (i + 1) + ": code block never closed");
            }
            blocks.add(new Block(open.group(2), i + 2, List.copyOf(code), marker));
            i = j;
        }
        return new MarkdownBlocks(file, List.copyOf(blocks));
    }

    /** Marker comments that stand above no fence: a typo there would skip a block silently. */
    static List<String> strayMarkers(Path file) {
        List<String> stray = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains("<!--") && MARKER.matcher(lines.get(i)).matches()
                        && (i + 1 >= lines.size() || !FENCE.matcher(lines.get(i + 1)).matches())) {
                    stray.add(file.getFileName() + ":" + (i + 1) + ": a marker must stand right above a code fence");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return stray;
    }
}

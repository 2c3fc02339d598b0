package io.chspring.docs;

import io.chspring.docs.MarkdownBlocks.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a Java block of the documentation into a compilation unit without moving any of its lines, so a compiler
 * error's line is the Markdown line. A block is one of three shapes, told apart by its first line of code:
 * <ul>
 * <li>a compilation unit (imports, then a type declaration): compiled as it is;</li>
 * <li>members (fields, methods, nested types; starts with a modifier or an annotation of a member): put in a
 * class;</li>
 * <li>statements (anything else): put in a method of a class.</li>
 * </ul>
 * Every group of blocks gets its own package, added to the first line, so groups compiled in one run cannot clash.
 */
final class SnippetSources {

    private static final Pattern TYPE = Pattern.compile("^((public|protected|private|abstract|static|final|sealed|"
            + "non-sealed|strictfp)\\s+)*(class|interface|enum|record|@interface)\\s+(\\w+).*");
    private static final Pattern PUBLIC_TYPE = Pattern.compile("^public\\s+((abstract|final|sealed|non-sealed)\\s+)*"
            + "(class|interface|enum|record|@interface)\\s+(\\w+).*");
    private static final Pattern MEMBER = Pattern.compile("^((public|protected|private|static|final|abstract|"
            + "synchronized|default)\\s+|void\\s).*");

    enum Shape { UNIT, MEMBERS, STATEMENTS }

    /** One generated source: its package-qualified path and text, and where its lines come from. */
    record Source(String path, String text, Block block) {
    }

    private SnippetSources() {
    }

    /**
     * The shape of a block, from its lines at column 0 (nested code is indented): any statement there makes it
     * statements (local records and classes are fine in a method), else any field or method makes it members, else
     * it is a compilation unit.
     */
    static Shape shape(Block block) {
        boolean members = false;
        for (String raw : block.code()) {
            if (raw.isEmpty() || Character.isWhitespace(raw.charAt(0))) {
                continue;
            }
            String line = raw.replaceFirst("\\s*//.*$", "").strip();
            if (isHeader(line) || line.startsWith("}") || line.startsWith("/*") || line.startsWith("*")) {
                continue;
            }
            // an annotation and its declaration may share a line: "@Table public record PageView(...)"
            String rest = line.replaceFirst("^(@[\\w.]+(\\([^)]*\\))?\\s*)+", "");
            if (rest.isEmpty()) {
                continue;
            }
            if (TYPE.matcher(rest).matches() && !rest.startsWith("static ") && !rest.startsWith("private ")
                    && !rest.startsWith("protected ")) {
                continue;
            }
            if (MEMBER.matcher(rest).matches()) {
                members = true;
            } else {
                return Shape.STATEMENTS;
            }
        }
        return members ? Shape.MEMBERS : Shape.UNIT;
    }

    /** The sources of one group of blocks, in package {@code pkg} unless a block names its own. */
    static List<Source> sources(List<Block> group, String pkg) {
        List<Source> sources = new ArrayList<>();
        for (int n = 0; n < group.size(); n++) {
            Block block = group.get(n);
            List<String> code = new ArrayList<>(block.code());
            Shape shape = shape(block);
            String declaredPackage = declaredPackage(code);
            String packageName = declaredPackage != null ? declaredPackage : pkg;
            String typeName = shape == Shape.UNIT ? publicType(code) : null;
            String wrapper = "Snippet" + block.firstLine();
            if (typeName == null) {
                typeName = wrapper;
            }
            if (shape != Shape.UNIT) {
                int header = lastHeaderLine(code);
                String open = shape == Shape.MEMBERS ? "class " + wrapper + " { "
                        : "class " + wrapper + " { void snippet() throws Exception { ";
                if (header >= 0) {
                    code.set(header, code.get(header) + " " + open);
                } else {
                    int first = Math.min(firstCodeLine(code), code.size() - 1);
                    code.set(first, open + code.get(first));
                }
                code.add(shape == Shape.MEMBERS ? "}" : "} }");
            }
            if (declaredPackage == null) {
                code.set(0, "package " + pkg + "; " + code.get(0));
            }
            sources.add(new Source(packageName.replace('.', '/') + "/" + typeName + ".java",
                    String.join("\n", code) + "\n", block));
        }
        return sources;
    }

    private static int firstCodeLine(List<String> code) {
        int i = 0;
        while (i < code.size() && isHeader(code.get(i).strip())) {
            i++;
        }
        return i;
    }

    private static boolean isHeader(String line) {
        return line.isEmpty() || line.startsWith("import ") || line.startsWith("package ") || line.startsWith("//");
    }

    /** The last {@code import}/{@code package} line before the first line of code, or -1. */
    private static int lastHeaderLine(List<String> code) {
        int last = -1;
        for (int i = 0; i < firstCodeLine(code); i++) {
            String line = code.get(i).strip();
            if (line.startsWith("import ") || line.startsWith("package ")) {
                last = i;
            }
        }
        return last;
    }

    private static String declaredPackage(List<String> code) {
        for (String line : code) {
            Matcher m = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;.*").matcher(line);
            if (m.matches()) {
                return m.group(1);
            }
        }
        return null;
    }

    private static String publicType(List<String> code) {
        for (String line : code) {
            if (line.startsWith(" ") || line.startsWith("\t")) {
                continue; // nested
            }
            Matcher m = PUBLIC_TYPE.matcher(line.replaceFirst("^(@[\\w.]+(\\([^)]*\\))?\\s*)+", ""));
            if (m.matches()) {
                return m.group(4);
            }
        }
        return null;
    }
}

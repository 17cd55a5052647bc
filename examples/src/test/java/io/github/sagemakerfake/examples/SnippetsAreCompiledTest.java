package io.github.sagemakerfake.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Keeps the documentation's code from rotting: every {@code ```java} snippet in README.md and
 * docs/*.md must appear, verbatim, in a source file under {@value #SNIPPETS}, where it is compiled
 * and run by this module's build like any other test.
 *
 * <p>"Verbatim" after normalizing: each line trimmed, blank lines dropped, and import and package
 * lines set aside. The remaining lines must appear as one contiguous run in a single file; a
 * fragment sits inside a method of a test that gives it its variables. A snippet that shows
 * imports must show them all: its imports must be exactly those of the file (so that copying it
 * compiles). A snippet of imports only must be the imports of some file.
 */
class SnippetsAreCompiledTest {

    static final String SNIPPETS = "examples/src/test/java/io/github/sagemakerfake/examples/snippets";

    @TestFactory
    Stream<DynamicTest> everyJavaSnippetOfTheDocsIsACompiledTestSource() {
        Path root = repositoryRoot();
        List<Snippet> snippets = documents(root).stream().flatMap(doc -> Snippet.extract(root, doc).stream()).toList();
        List<Source> sources = Source.under(root.resolve(SNIPPETS), root);
        assertThat(snippets).as("```java snippets found in README.md and docs/*.md").isNotEmpty();
        return snippets.stream().map(snippet -> dynamicTest(snippet.location(), () -> snippet.assertFoundIn(sources)));
    }

    /** The dependency snippets name only artifacts this build makes. */
    @Test
    void everyArtifactTheDocsNameIsAModuleOfThisBuild() throws IOException {
        Path root = repositoryRoot();
        Set<String> modules = new TreeSet<>();
        Matcher moduleNames = Pattern.compile("<module>([^<]+)</module>").matcher(read(root.resolve("pom.xml")));
        while (moduleNames.find()) {
            String pom = read(root.resolve(moduleNames.group(1)).resolve("pom.xml"));
            int parentEnd = pom.indexOf("</parent>");    // the BOM has no parent
            String afterParent = parentEnd < 0 ? pom : pom.substring(parentEnd);
            Matcher artifact = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(afterParent);
            assertThat(artifact.find()).isTrue();
            modules.add(artifact.group(1));
        }
        Pattern named = Pattern.compile("<artifactId>(sagemaker-workforce-fake-[^<]+)</artifactId>");
        for (Path doc : documents(root)) {
            Matcher artifact = named.matcher(read(doc));
            while (artifact.find()) {
                assertThat(modules).as("artifact named in %s", root.relativize(doc)).contains(artifact.group(1));
            }
        }
    }

    // ------------------------------------------------------------------ the check, tested itself

    @Nested
    class TheCheckItself {

        final Path doc = Path.of("docs/example.md");

        @Test
        void extractsJavaBlocksWithTheirLineNumbersAndOnlyThem() {
            List<Snippet> snippets = Snippet.extract(doc, List.of(
                    "# Title",
                    "```bash",
                    "mvn verify",
                    "```",
                    "- a list item:",
                    "  ```java",
                    "  int x = 1;",
                    "  ```",
                    "```java",
                    "import java.util.List;",
                    "",
                    "class A {}",
                    "```"));

            assertThat(snippets).extracting(Snippet::location).containsExactly("docs/example.md:6", "docs/example.md:9");
            assertThat(snippets.get(1).body()).extracting(Line::text).containsExactly("class A {}");
            assertThat(snippets.get(1).imports()).containsExactly("import java.util.List;");
        }

        @Test
        void findsAFragmentInsideAMethodWhateverItsIndentation() {
            Snippet fragment = Snippet.extract(doc, List.of("```java", "fake.reset();", "  fake.journal();", "```")).get(0);
            Source source = Source.of("snippets/A.java", List.of(
                    "package p;", "import x.Y;", "class A {", "    void test() {", "        fake.reset();", "",
                    "        fake.journal();", "    }", "}"));

            fragment.assertFoundIn(List.of(source));
        }

        @Test
        void aMissingSnippetFailsNamingTheDocumentTheLineAndTheClosestSource() {
            Snippet snippet = Snippet.extract(doc, List.of("text", "```java", "fake.reset();", "fake.journal(1);", "```")).get(0);
            Source source = Source.of("snippets/A.java", List.of("class A {", "void t() {", "fake.reset();",
                    "fake.journal();", "}", "}"));

            assertThatThrownBy(() -> snippet.assertFoundIn(List.of(source)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("docs/example.md:2: this ```java snippet is not in any source under " + SNIPPETS)
                    .hasMessageContaining("Closest: snippets/A.java has its first 1 line(s); then docs/example.md:4 differs")
                    .hasMessageContaining("snippet: fake.journal(1);")
                    .hasMessageContaining("source:  fake.journal();");
        }

        @Test
        void aSnippetThatShowsImportsMustShowThemAll() {
            Snippet snippet = Snippet.extract(doc, List.of("```java", "import a.B;", "class A {}", "```")).get(0);
            Source source = Source.of("snippets/A.java", List.of("package p;", "import a.B;", "import a.C;", "class A {}"));

            assertThatThrownBy(() -> snippet.assertFoundIn(List.of(source)))
                    .hasMessageContaining("docs/example.md:1: the snippet's imports differ from those of snippets/A.java")
                    .hasMessageContaining("missing from the snippet: [import a.C;]");
        }
    }

    // ------------------------------------------------------------------ model

    record Line(int number, String text) {
    }

    /** One fenced java block of a Markdown document. */
    record Snippet(String document, int line, List<Line> body, List<String> imports) {

        static List<Snippet> extract(Path root, Path doc) {
            try {
                return extract(root.relativize(doc), Files.readAllLines(doc, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static List<Snippet> extract(Path document, List<String> lines) {
            List<Snippet> snippets = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).trim().equals("```java")) {
                    continue;
                }
                int fence = i;
                List<Line> body = new ArrayList<>();
                List<String> imports = new ArrayList<>();
                for (i++; i < lines.size() && !lines.get(i).trim().equals("```"); i++) {
                    String text = lines.get(i).trim();
                    if (text.startsWith("import ")) {
                        imports.add(text);
                    } else if (!text.isEmpty() && !text.startsWith("package ")) {
                        body.add(new Line(i + 1, text));
                    }
                }
                snippets.add(new Snippet(document.toString().replace('\\', '/'), fence + 1, body, imports));
            }
            return snippets;
        }

        String location() {
            return document + ":" + line;
        }

        List<String> bodyTexts() {
            return body.stream().map(Line::text).toList();
        }

        void assertFoundIn(List<Source> sources) {
            if (body.isEmpty()) {
                if (sources.stream().noneMatch(source -> source.imports().containsAll(imports))) {
                    fail(location() + ": no source under " + SNIPPETS + " has all the imports of this snippet: " + imports);
                }
                return;
            }
            List<String> wanted = bodyTexts();
            Source match = sources.stream().filter(source -> Collections.indexOfSubList(source.body(), wanted) >= 0)
                    .findFirst().orElse(null);
            if (match == null) {
                fail(notFoundMessage(sources));
            }
            if (!imports.isEmpty() && !new LinkedHashSet<>(imports).equals(match.imports())) {
                Set<String> missing = new TreeSet<>(match.imports());
                imports.forEach(missing::remove);
                Set<String> extra = new TreeSet<>(imports);
                extra.removeAll(match.imports());
                fail(location() + ": the snippet's imports differ from those of " + match.path()
                        + " (a snippet that shows imports must show them all); missing from the snippet: " + missing
                        + ", not in the source: " + extra);
            }
        }

        private String notFoundMessage(List<Source> sources) {
            List<String> wanted = bodyTexts();
            Source closest = null;
            int longest = 0;
            String differing = null;
            for (Source source : sources) {
                List<String> lines = source.body();
                for (int start = 0; start < lines.size(); start++) {
                    int n = 0;
                    while (n < wanted.size() && start + n < lines.size() && wanted.get(n).equals(lines.get(start + n))) {
                        n++;
                    }
                    if (n > longest) {
                        longest = n;
                        closest = source;
                        differing = start + n < lines.size() ? lines.get(start + n) : "(end of file)";
                    }
                }
            }
            StringBuilder message = new StringBuilder(location()).append(": this ```java snippet is not in any source under ")
                    .append(SNIPPETS).append(" (it begins: ").append(wanted.get(0)).append(").");
            if (closest != null) {
                message.append("\nClosest: ").append(closest.path()).append(" has its first ").append(longest)
                        .append(" line(s); then ").append(document).append(':').append(body.get(longest).number())
                        .append(" differs:\n  snippet: ").append(wanted.get(longest))
                        .append("\n  source:  ").append(differing);
            }
            message.append("\nEvery Java snippet of README.md and docs/*.md must be in a compiled, running test there"
                    + " (a fragment verbatim inside a method), so that the docs cannot rot. Fix the snippet if it is"
                    + " wrong, or change the source with it.");
            return message.toString();
        }
    }

    /** A Java source under the snippets directory, normalized like the snippets. */
    record Source(String path, List<String> body, Set<String> imports) {

        static List<Source> under(Path directory, Path root) {
            try (Stream<Path> files = Files.walk(directory)) {
                return files.filter(f -> f.toString().endsWith(".java")).sorted().map(f -> {
                    try {
                        return of(root.relativize(f).toString().replace('\\', '/'),
                                Files.readAllLines(f, StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).toList();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the snippet sources in " + directory, e);
            }
        }

        static Source of(String path, List<String> lines) {
            List<String> body = new ArrayList<>();
            Set<String> imports = new LinkedHashSet<>();
            for (String line : lines) {
                String text = line.trim();
                if (text.startsWith("import ")) {
                    imports.add(text);
                } else if (!text.isEmpty() && !text.startsWith("package ")) {
                    body.add(text);
                }
            }
            return new Source(path, body, imports);
        }
    }

    // ------------------------------------------------------------------ files

    /** README.md and docs/*.md (not the architecture decisions under docs/adr/). */
    static List<Path> documents(Path root) {
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            List<Path> documents = new ArrayList<>();
            documents.add(root.resolve("README.md"));
            documents.addAll(docs.filter(p -> p.toString().endsWith(".md")).sorted().collect(Collectors.toList()));
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository root: the system property repo.root (set by this module's pom), else found from here. */
    static Path repositoryRoot() {
        String configured = System.getProperty("repo.root");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve(SNIPPETS))) {
                return dir;
            }
        }
        throw new IllegalStateException("Cannot find the repository root (README.md and " + SNIPPETS + ") from " + start
                + "; set the system property repo.root");
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}

package io.github.sagemakerfake.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The docs' claims about the build, checked against the build: which scope a dependency has, which
 * artifact a snippet needs and whether the BOM manages it, which server flags exist, and that the
 * README's container example is the project the consumer tests build. SnippetsAreCompiledTest
 * keeps the Java snippets compiling; this keeps the prose and the XML around them true.
 */
class DocsAgreeWithTheBuildTest {

    private final Path root = SnippetsAreCompiledTest.repositoryRoot();

    // ------------------------------------------------------------------ scopes

    /** README: "The fake takes JUnit, AssertJ and the AWS SDK as `provided`". */
    @Test
    void junitAssertjAndTheSdkAreProvidedOrTestInEveryPublishedModule() throws IOException {
        assertThat(normalized(root.resolve("README.md")))
                .contains("The fake takes JUnit, AssertJ and the AWS SDK as `provided`");
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> module : publishedModules().entrySet()) {
            for (Dependency d : dependencies(module.getValue())) {
                boolean userBrings = d.groupId().equals("org.junit.jupiter") || d.groupId().equals("org.assertj")
                        || (d.groupId().equals("software.amazon.awssdk") && d.artifactId().equals("sagemaker"));
                if (userBrings && !d.scope().equals("provided") && !d.scope().equals("test")) {
                    wrong.add(module.getKey() + ": " + d);
                }
            }
        }
        assertThat(wrong).as("dependencies the docs say the user's build brings, at another scope").isEmpty();
    }

    /** docs/assertions.md: the assertions module takes `assertj-core` as `provided`. */
    @Test
    void theAssertionsModuleTakesAssertjAsTheDocsSay() throws IOException {
        assertThat(normalized(root.resolve("docs/assertions.md"))).contains("on `assertj-core` as `provided`")
                .doesNotContain("at compile scope");
        assertThat(dependencies(read(root.resolve("assertions/pom.xml"))))
                .filteredOn(d -> d.artifactId().equals("assertj-core")).singleElement()
                .extracting(Dependency::scope).isEqualTo("provided");
    }

    // ------------------------------------------------------------------ artifacts

    /** docs/forms.md's table: each form's class lives in the artifact the table names. */
    @Test
    void theFormsTableNamesTheArtifactThatHoldsEachForm() throws IOException {
        Map<String, Path> modules = modulesByArtifact();
        Pattern row = Pattern.compile("^\\| [^|]*?`([A-Za-z@ .-]+?)`[^|]*\\| `(sagemaker-workforce-fake-[a-z]+)`");
        int rows = 0;
        for (String line : Files.readAllLines(root.resolve("docs/forms.md"), StandardCharsets.UTF_8)) {
            Matcher m = row.matcher(line);
            if (!m.find()) {
                continue;
            }
            rows++;
            String form = m.group(1);
            Path module = modules.get(m.group(2));
            assertThat(module).as("docs/forms.md names %s, not an artifact of this build", m.group(2)).isNotNull();
            if (form.startsWith("java -jar ")) {
                assertThat(form.substring("java -jar ".length())).as("the server's jar is named after its artifact")
                        .startsWith(m.group(2));
            } else {
                String type = form.replace("@", "");
                try (var files = Files.walk(module.resolve("src/main/java"))) {
                    assertThat(files.anyMatch(f -> f.getFileName().toString().equals(type + ".java")))
                            .as("docs/forms.md: %s is in %s", type, m.group(2)).isTrue();
                }
            }
        }
        assertThat(rows).as("rows of the forms table").isEqualTo(4);
    }

    /**
     * Every artifact that an XML snippet of the docs lists without a version is one the fake's BOM
     * manages, at the version this build uses.
     */
    @Test
    void everyVersionlessArtifactOfTheDocsIsManagedByTheBom() throws IOException {
        String bom = read(root.resolve("bom/pom.xml"));
        Map<String, String> managed = new LinkedHashMap<>();
        for (Dependency d : dependencies(bom.substring(bom.indexOf("<dependencyManagement>")))) {
            managed.put(d.groupId() + ":" + d.artifactId(), d.version());
        }
        List<String> unmanaged = new ArrayList<>();
        for (Path doc : SnippetsAreCompiledTest.documents(root)) {
            for (String xml : fenced(doc, "xml")) {
                for (Dependency d : dependencies(xml)) {
                    if (d.version().isEmpty() && !managed.containsKey(d.groupId() + ":" + d.artifactId())) {
                        unmanaged.add(root.relativize(doc) + ": " + d);
                    }
                }
            }
        }
        assertThat(unmanaged).as("artifacts the docs list without a version, which the BOM does not manage").isEmpty();
        String testcontainers = property(read(root.resolve("pom.xml")), "testcontainers.version");
        assertThat(managed.get("org.testcontainers:testcontainers-junit-jupiter"))
                .as("the BOM's testcontainers-junit-jupiter is the Testcontainers version the build uses")
                .isEqualTo(testcontainers);
    }

    /** The README's container example is, verbatim, the consumer project the consumer tests build and run. */
    @Test
    void theReadmesContainerExampleIsTheConsumerProject() throws IOException {
        Path consumer = root.resolve("consumer-tests/src/it/testcontainers-readme");
        List<SnippetsAreCompiledTest.Snippet> containerSnippets = SnippetsAreCompiledTest.Snippet
                .extract(root, root.resolve("README.md")).stream()
                .filter(s -> String.join("\n", s.bodyTexts()).contains("@Testcontainers")).toList();
        assertThat(containerSnippets).as("the README's @Testcontainers snippet").hasSize(1);
        containerSnippets.get(0).assertFoundIn(SnippetsAreCompiledTest.Source.under(consumer.resolve("src/test/java"), root));

        String readme = read(root.resolve("README.md"));
        String section = readme.substring(readme.indexOf("## Integration tests with a container"));
        section = section.substring(0, section.indexOf("\n## ", 5));
        String pom = read(consumer.resolve("pom.xml"));
        List<Dependency> consumerDependencies = dependencies(pom);
        for (Dependency d : dependencies(section)) {
            assertThat(consumerDependencies).as("the consumer project lists the README's %s", d)
                    .anyMatch(c -> c.groupId().equals(d.groupId()) && c.artifactId().equals(d.artifactId())
                            && c.scope().equals(d.scope()));
        }
        assertThat(section).contains("<artifactId>maven-failsafe-plugin</artifactId>");
        assertThat(pom).contains("<artifactId>maven-failsafe-plugin</artifactId>");
        assertThat(section).contains("`*IT`").contains("Failsafe");
    }

    // ------------------------------------------------------------------ settings and flags

    /** docs/server.md's option table and the server's --help name the same flags and variables. */
    @Test
    void theServerOptionsTableMatchesHelp() throws Exception {
        String help = serverHelp();
        Pattern row = Pattern.compile("^\\| `(--[a-z-]+)` \\| (?:`(SAGEMAKER_FAKE_[A-Z_]+)`)? *\\|");
        TreeSet<String> documented = new TreeSet<>();
        for (String line : Files.readAllLines(root.resolve("docs/server.md"), StandardCharsets.UTF_8)) {
            Matcher m = row.matcher(line);
            if (m.find()) {
                documented.add(m.group(1));
                assertThat(help).as("--help lists docs/server.md's %s", m.group(1)).contains(m.group(1));
                if (m.group(2) != null) {
                    assertThat(help).as("--help names %s's variable %s", m.group(1), m.group(2)).contains(m.group(2));
                }
            }
        }
        TreeSet<String> inHelp = new TreeSet<>();
        Matcher flag = Pattern.compile("(?m)^\\s+(--[a-z-]+)").matcher(help);
        while (flag.find()) {
            inHelp.add(flag.group(1));
        }
        assertThat(documented).as("flags of docs/server.md's table vs those --help lists").isEqualTo(inHelp);
    }

    /**
     * Each setting the Docker preflight can name is documented where users look for it, and
     * DOCKER_API_VERSION is never offered as the fix for a user's own build.
     */
    @Test
    void theContainerDocsNameEverySettingThePreflightNames() throws IOException {
        String container = normalized(root.resolve("docs/container.md"));
        for (String setting : List.of("DOCKER_HOST", "TESTCONTAINERS_RYUK_DISABLED", "TESTCONTAINERS_HOST_OVERRIDE",
                "api.version", "sagemaker.fake.baseImage", "SAGEMAKER_FAKE_BASE_IMAGE", "docker/air-gapped-setup.sh",
                "docker/base-image/make-base-image.sh")) {
            assertThat(container).as("docs/container.md names %s", setting).contains(setting);
        }
        for (Path doc : SnippetsAreCompiledTest.documents(root)) {
            String text = normalized(doc);
            Matcher m = Pattern.compile("[^.]*DOCKER_API_VERSION[^.]*\\.").matcher(text);
            while (m.find()) {
                assertThat(m.group()).as("%s mentions DOCKER_API_VERSION", root.relativize(doc))
                        .containsAnyOf("this project's own build", "docker-java", "Docker CLI");
            }
        }
        assertThat(Files.isExecutable(root.resolve("docker/air-gapped-setup.sh"))).isTrue();
    }

    // ------------------------------------------------------------------ helpers

    record Dependency(String groupId, String artifactId, String version, String scope) {
    }

    private static final Pattern DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);

    static List<Dependency> dependencies(String xml) {
        List<Dependency> out = new ArrayList<>();
        Matcher m = DEPENDENCY.matcher(xml);
        while (m.find()) {
            String d = m.group(1);
            out.add(new Dependency(tag(d, "groupId"), tag(d, "artifactId"), tag(d, "version"),
                    tag(d, "scope").isEmpty() ? "compile" : tag(d, "scope")));
        }
        return out;
    }

    private static String tag(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">\\s*([^<]*?)\\s*</" + name + ">").matcher(xml);
        return m.find() ? m.group(1) : "";
    }

    private static String property(String pom, String name) {
        return tag(pom.substring(pom.indexOf("<properties>"), pom.indexOf("</properties>")), name);
    }

    /** The modules whose jars are published (all but those that set skip.publishing), by artifact id. */
    private Map<String, String> publishedModules() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Path> module : modulesByArtifact().entrySet()) {
            String pom = read(module.getValue().resolve("pom.xml"));
            if (!pom.contains("<skip.publishing>true</skip.publishing>")) {
                out.put(module.getKey(), pom);
            }
        }
        return out;
    }

    private Map<String, Path> modulesByArtifact() throws IOException {
        Map<String, Path> out = new LinkedHashMap<>();
        Matcher names = Pattern.compile("<module>([^<]+)</module>").matcher(read(root.resolve("pom.xml")));
        while (names.find()) {
            Path dir = root.resolve(names.group(1));
            String pom = read(dir.resolve("pom.xml"));
            int parentEnd = pom.indexOf("</parent>");
            out.put(tag(parentEnd < 0 ? pom : pom.substring(parentEnd), "artifactId"), dir);
        }
        return out;
    }

    /** The bodies of the ```LANG blocks of a Markdown document. */
    private static List<String> fenced(Path doc, String lang) throws IOException {
        List<String> out = new ArrayList<>();
        StringBuilder block = null;
        for (String line : Files.readAllLines(doc, StandardCharsets.UTF_8)) {
            String t = line.trim();
            if (block == null && t.equals("```" + lang)) {
                block = new StringBuilder();
            } else if (block != null && t.equals("```")) {
                out.add(block.toString());
                block = null;
            } else if (block != null) {
                block.append(line).append('\n');
            }
        }
        return out;
    }

    /** The server's --help, from its main class in a child JVM (it is what users run). */
    private static String serverHelp() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.github.sagemakerfake.server.ServerMain", "--help")
                .redirectErrorStream(true);
        Process p = pb.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String help = out.toString(StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("--help exits 0:%n%s", help).isZero();
        return help;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** The document with every run of whitespace as one space, so claims can be matched across line breaks. */
    private static String normalized(Path doc) throws IOException {
        return read(doc).replaceAll("\\s+", " ");
    }
}

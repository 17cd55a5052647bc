package io.github.sagemakerfake.consumertests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The public API is deliberate: every public type outside {@code io.github.sagemakerfake.internal} in
 * the published jars (this module's dependencies), and every public or protected member of those
 * that exposes an internal type, must be in src/test/resources/public-api.txt. A type added, removed
 * or renamed without updating that list fails here, with the command that refreshes it.
 */
class PublicApiTest {

    static final String ROOT_PACKAGE = "io/github/sagemakerfake/";
    static final String INTERNAL = "io.github.sagemakerfake.internal.";
    static final String UPDATE_PROPERTY = "publicApi.update";
    static final String UPDATE_COMMAND = "mvn -B -ntp -pl consumer-tests -am verify -Dtest=PublicApiTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dinvoker.skip -D" + UPDATE_PROPERTY + "=true";

    @Test
    void thePublicTypesAreExactlyTheCheckedInList() throws IOException {
        Path listFile = Path.of(System.getProperty("publicApi.file", "src/test/resources/public-api.txt"));
        List<String> actual = currentApi();
        assertThat(actual).as("public types found on the classpath").isNotEmpty();

        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            Files.writeString(listFile, header() + String.join("\n", actual) + "\n", StandardCharsets.UTF_8);
            return;
        }
        List<String> expected = Files.readAllLines(listFile, StandardCharsets.UTF_8).stream()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();

        List<String> added = actual.stream().filter(line -> !expected.contains(line)).toList();
        List<String> removed = expected.stream().filter(line -> !actual.contains(line)).toList();
        if (!added.isEmpty() || !removed.isEmpty()) {
            throw new AssertionError("The public API changed: "
                    + (added.isEmpty() ? "" : "\n  new (not in the list):\n    " + String.join("\n    ", added))
                    + (removed.isEmpty() ? "" : "\n  gone (still in the list):\n    " + String.join("\n    ", removed))
                    + "\nIf the change is deliberate, refresh " + listFile + " with\n  " + UPDATE_COMMAND
                    + "\nand commit it. Implementation types belong in an io.github.sagemakerfake.internal package "
                    + "or package-private; a new published module must be a dependency of consumer-tests/pom.xml.");
        }
    }

    /** The listing: "type KIND NAME" lines, then "exposes-internal MEMBER -> TYPE" lines, sorted. */
    static List<String> currentApi() throws IOException {
        TreeSet<String> types = new TreeSet<>();
        TreeSet<String> exposed = new TreeSet<>();
        for (String className : publishedClassNames()) {
            Class<?> type;
            try {
                type = Class.forName(className, false, PublicApiTest.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                throw new AssertionError("cannot load " + className + " (a dependency of consumer-tests missing?)", e);
            }
            if (!isPublicApi(type)) {
                continue;
            }
            types.add("type " + kind(type) + " " + type.getCanonicalName());
            exposed.addAll(exposedInternals(type));
        }
        List<String> lines = new ArrayList<>(types);
        lines.addAll(exposed);
        return lines;
    }

    /** Class names under io.github.sagemakerfake in every classpath entry but this module's own. */
    static List<String> publishedClassNames() throws IOException {
        List<String> names = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (path.toString().contains("consumer-tests")) {
                continue;   // this module's test classes
            }
            if (Files.isDirectory(path)) {
                Path root = path.resolve(ROOT_PACKAGE);
                if (Files.isDirectory(root)) {
                    try (Stream<Path> files = Files.walk(root)) {
                        files.map(f -> path.relativize(f).toString().replace(File.separatorChar, '/'))
                                .filter(PublicApiTest::isClassFile).map(PublicApiTest::className).forEach(names::add);
                    }
                }
            } else if (entry.endsWith(".jar") && Files.isRegularFile(path)) {
                try (ZipFile jar = new ZipFile(path.toFile())) {
                    jar.stream().map(e -> e.getName()).filter(n -> n.startsWith(ROOT_PACKAGE))
                            .filter(PublicApiTest::isClassFile).map(PublicApiTest::className).forEach(names::add);
                }
            }
        }
        return names;
    }

    static boolean isClassFile(String name) {
        return name.endsWith(".class") && !name.endsWith("package-info.class") && !name.endsWith("module-info.class");
    }

    static String className(String file) {
        return file.substring(0, file.length() - ".class".length()).replace('/', '.');
    }

    /** Public, reachable from outside (every enclosing type public too), not internal, not synthetic. */
    static boolean isPublicApi(Class<?> type) {
        if (type.getName().startsWith(INTERNAL) || type.isSynthetic() || type.isAnonymousClass() || type.isLocalClass()) {
            return false;
        }
        for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
            if (!Modifier.isPublic(t.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    static String kind(Class<?> type) {
        if (type.isAnnotation()) {
            return "annotation";
        }
        if (type.isInterface()) {
            return "interface";
        }
        if (type.isEnum()) {
            return "enum";
        }
        if (type.isRecord()) {
            return "record";
        }
        return "class";
    }

    /** Public and protected members whose signature names an internal type. */
    static List<String> exposedInternals(Class<?> type) {
        List<String> lines = new ArrayList<>();
        for (Field field : type.getDeclaredFields()) {
            if (visible(field.getModifiers()) && internal(field.getGenericType())) {
                lines.add("exposes-internal " + type.getCanonicalName() + "#" + field.getName()
                        + " -> " + field.getGenericType().getTypeName());
            }
        }
        List<Executable> executables = new ArrayList<>(Arrays.asList(type.getDeclaredConstructors()));
        executables.addAll(Arrays.asList(type.getDeclaredMethods()));
        for (Executable executable : executables) {
            if (!visible(executable.getModifiers()) || executable.isSynthetic()) {
                continue;
            }
            List<Type> signature = new ArrayList<>(Arrays.asList(executable.getGenericParameterTypes()));
            if (executable instanceof Method method) {
                signature.add(method.getGenericReturnType());
            }
            List<String> internals = signature.stream().filter(PublicApiTest::internal).map(Type::getTypeName)
                    .distinct().toList();
            if (!internals.isEmpty()) {
                String name = executable instanceof Constructor<?> ? "<init>" : executable.getName();
                String parameters = Arrays.stream(executable.getParameterTypes()).map(Class::getSimpleName)
                        .collect(Collectors.joining(", "));
                lines.add("exposes-internal " + type.getCanonicalName() + "#" + name + "(" + parameters + ") -> "
                        + String.join(", ", internals));
            }
        }
        return lines;
    }

    static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    static boolean internal(Type type) {
        return type.getTypeName().contains(INTERNAL);
    }

    static String header() {
        return """
                # The public API of the published artifacts: every public type outside
                # io.github.sagemakerfake.internal ("type KIND NAME"), and every public or protected member
                # of those whose signature exposes an internal type ("exposes-internal MEMBER -> TYPE").
                # Checked by consumer-tests' PublicApiTest. After a deliberate change, refresh it with
                #   %s
                # and commit it with the change. A new published module is listed once it is a dependency
                # of consumer-tests/pom.xml (which also installs it for the consumer projects).
                """.formatted(UPDATE_COMMAND);
    }
}

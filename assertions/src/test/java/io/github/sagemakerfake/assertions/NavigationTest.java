package io.github.sagemakerfake.assertions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class NavigationTest {

    /** Failures drop the frames of exactly the library's classes; a new class must join the list. */
    @Test
    void our_classes_are_every_production_class_of_the_package() throws IOException, URISyntaxException {
        Path classes = Path.of(Navigation.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(Navigation.class.getPackageName().replace('.', '/'));
        Set<String> production;
        try (Stream<Path> files = Files.list(classes)) {
            production = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".class") && !n.equals("package-info.class"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).split("\\$", 2)[0])
                    .collect(Collectors.toSet());
        }

        assertThat(Navigation.OUR_CLASSES).containsExactlyInAnyOrderElementsOf(production);
    }

    @Test
    void a_failure_keeps_the_test_frames_and_drops_ours() {
        AssertionError failure = new AssertionError("x");
        failure.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("io.github.sagemakerfake.assertions.RegionStateAssert", "lambda$hasWorkteam$0",
                        "RegionStateAssert.java", 10),
                new StackTraceElement("io.github.sagemakerfake.assertions.Navigation", "step", "Navigation.java", 20),
                new StackTraceElement("io.github.sagemakerfake.assertions.RegionStateAssert$ByteBuddy$abc",
                        "hasWorkteam", null, -1),
                new StackTraceElement("io.github.sagemakerfake.assertions.SoftAssertionsTest", "test",
                        "SoftAssertionsTest.java", 30),
                new StackTraceElement("com.example.MyTest", "test", "MyTest.java", 40)});

        assertThat(Navigation.withoutOurFrames(failure).getStackTrace())
                .extracting(StackTraceElement::getClassName)
                .containsExactly("io.github.sagemakerfake.assertions.SoftAssertionsTest", "com.example.MyTest");
    }
}
